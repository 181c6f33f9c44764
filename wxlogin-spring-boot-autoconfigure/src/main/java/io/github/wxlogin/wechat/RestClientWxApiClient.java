package io.github.wxlogin.wechat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonParser;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.http.MediaType;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec;
import org.springframework.web.util.UriBuilder;

/**
 * {@link WxApiClient} on Spring's {@link RestClient}. Every body is read as JSON whatever its content
 * type (jscode2session answers {@code text/plain}), a missing {@code errcode} counts as success, and a
 * busy WeChat ({@code -1}) is retried a bounded number of times.
 */
public class RestClientWxApiClient implements WxApiClient {

	private static final Log logger = LogFactory.getLog(RestClientWxApiClient.class);

	private static final String CODE2SESSION = "jscode2session";

	private static final String STABLE_TOKEN = "stable_token";

	private static final String PHONE_NUMBER = WxErrcodes.PHONE_NUMBER;

	private static final String MSG_SEC_CHECK = "msg_sec_check";

	private static final String CHECK_SESSION = "checksession";

	private final RestClient restClient;

	private final Clock clock;

	private final Duration[] busyBackoff;

	private final JsonParser jsonParser = JsonParserFactory.getJsonParser();

	/**
	 * Create a client.
	 * @param restClient a client whose base URL is WeChat's API root and whose request factory has the
	 * timeouts to use
	 * @param clock the clock that dates access tokens
	 * @param busyBackoff the pauses before each retry of a call WeChat answered with {@code -1}
	 */
	public RestClientWxApiClient(RestClient restClient, Clock clock, Duration... busyBackoff) {
		this.restClient = restClient;
		this.clock = clock;
		this.busyBackoff = busyBackoff.clone();
	}

	@Override
	public WxSession code2Session(WxApp app, String code) {
		Map<String, Object> reply = call(CODE2SESSION, () -> this.restClient.get()
			.uri((uri) -> uri.path("/sns/jscode2session")
				.queryParam("appid", "{appid}")
				.queryParam("secret", "{secret}")
				.queryParam("js_code", "{code}")
				.queryParam("grant_type", "authorization_code")
				.build(app.appid(), app.secret(), code)));
		return new WxSession(required(CODE2SESSION, reply, "openid"), required(CODE2SESSION, reply, "session_key"),
				text(reply, "unionid"));
	}

	@Override
	public WxAccessToken stableAccessToken(WxApp app, boolean forceRefresh) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("grant_type", "client_credential");
		body.put("appid", app.appid());
		body.put("secret", app.secret());
		body.put("force_refresh", forceRefresh);
		Map<String, Object> reply = call(STABLE_TOKEN,
				() -> post((uri) -> uri.path("/cgi-bin/stable_token").build(), body));
		String token = required(STABLE_TOKEN, reply, "access_token");
		long expiresIn = number(reply, "expires_in");
		if (expiresIn <= 0) {
			throw new WxBadResponseException(STABLE_TOKEN, "reply has no positive expires_in");
		}
		return new WxAccessToken(token, this.clock.instant().plusSeconds(expiresIn));
	}

	@Override
	public WxPhoneInfo phoneNumber(String accessToken, String code, String openid) {
		Map<String, Object> reply = call(PHONE_NUMBER, () -> post(
				withToken("/wxa/business/getuserphonenumber", accessToken), Map.of("code", code, "openid", openid)));
		Map<String, Object> info = object(reply, "phone_info");
		String phoneNumber = required(PHONE_NUMBER, info, "phoneNumber");
		String purePhoneNumber = required(PHONE_NUMBER, info, "purePhoneNumber");
		String countryCode = required(PHONE_NUMBER, info, "countryCode");
		Map<String, Object> watermark = object(info, "watermark");
		return new WxPhoneInfo(phoneNumber, purePhoneNumber, countryCode, (info.get("watermark") instanceof Map)
				? new WxPhoneInfo.Watermark(text(watermark, "appid"), number(watermark, "timestamp")) : null);
	}

	@Override
	public WxContentVerdict msgSecCheck(String accessToken, String openid, String content) {
		Map<String, Object> body = Map.of("content", content, "version", 2, "scene", 1, "openid", openid);
		Map<String, Object> reply = call(MSG_SEC_CHECK,
				() -> post(withToken("/wxa/msg_sec_check", accessToken), body));
		String suggest = required(MSG_SEC_CHECK, object(reply, "result"), "suggest");
		return switch (suggest) {
			case "pass" -> WxContentVerdict.PASS;
			case "review" -> WxContentVerdict.REVIEW;
			case "risky" -> WxContentVerdict.RISKY;
			default -> throw new WxBadResponseException(MSG_SEC_CHECK, "unknown suggest '" + suggest + "'");
		};
	}

	@Override
	public boolean checkSession(String accessToken, String openid, String sessionKey) {
		String signature = sessionSignature(sessionKey);
		try {
			call(CHECK_SESSION, () -> this.restClient.get()
				.uri((uri) -> uri.path("/wxa/checksession")
					.queryParam("access_token", "{token}")
					.queryParam("openid", "{openid}")
					.queryParam("signature", "{signature}")
					.queryParam("sig_method", "hmac_sha256")
					.build(accessToken, openid, signature)));
			return true;
		}
		catch (WxApiException ex) {
			if (ex.getErrcode() == 87009) {
				return false;
			}
			throw ex;
		}
	}

	/**
	 * The checkSession signature: HMAC-SHA256 keyed with the Base64 session-key string itself, over the
	 * empty message, in lowercase hex.
	 * @param sessionKey the session key as WeChat gave it
	 * @return the signature
	 */
	static String sessionSignature(String sessionKey) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return java.util.HexFormat.of().formatHex(mac.doFinal());
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private RequestHeadersSpec<?> post(Function<UriBuilder, java.net.URI> uri, Object body) {
		return this.restClient.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body);
	}

	private static Function<UriBuilder, java.net.URI> withToken(String path, String accessToken) {
		return (uri) -> uri.path(path).queryParam("access_token", "{token}").build(accessToken);
	}

	private Map<String, Object> call(String api, java.util.function.Supplier<RequestHeadersSpec<?>> request) {
		for (int retry = 0;; retry++) {
			Map<String, Object> reply = exchange(api, request.get());
			int errcode = (int) number(reply, "errcode");
			if (errcode == 0) {
				return reply;
			}
			String errmsg = (reply.get("errmsg") instanceof String message) ? message : "";
			if (errcode == WxErrcodes.BUSY && retry < this.busyBackoff.length) {
				logger.debug("WeChat " + api + " busy, retrying: " + errmsg);
				pause(api, this.busyBackoff[retry]);
				continue;
			}
			throw WxErrcodes.toException(api, errcode, errmsg);
		}
	}

	private Map<String, Object> exchange(String api, RequestHeadersSpec<?> request) {
		Reply reply;
		try {
			reply = request.exchange((req, res) -> new Reply(res.getStatusCode().value(),
					StreamUtils.copyToString(res.getBody(), StandardCharsets.UTF_8)));
		}
		catch (ResourceAccessException ex) {
			// The message may hold the URL, whose query has the secret: keep only the cause's type
			throw new WxUnavailableException(api, "WeChat unreachable or too slow ("
					+ ((ex.getCause() != null) ? ex.getCause().getClass().getSimpleName() : "I/O error") + ")", null);
		}
		if (reply.status() != 200) {
			throw new WxBadResponseException(api, "WeChat answered HTTP " + reply.status());
		}
		if (!reply.body().strip().startsWith("{")) {
			throw new WxBadResponseException(api, "WeChat's reply is not a JSON object");
		}
		try {
			return this.jsonParser.parseMap(reply.body());
		}
		catch (IllegalArgumentException ex) {
			// Boot's JsonParseException, whichever library parses
			throw new WxBadResponseException(api, "WeChat's reply is not JSON");
		}
	}

	private static String required(String api, Map<String, Object> node, String field) {
		String value = text(node, field);
		if (value == null || value.isEmpty()) {
			throw new WxBadResponseException(api, "reply has no " + field);
		}
		return value;
	}

	private static @Nullable String text(Map<String, Object> node, String field) {
		Object value = node.get(field);
		return (value instanceof String || value instanceof Number) ? value.toString() : null;
	}

	/**
	 * A whole number WeChat sent as a number or as a string of digits; 0 when absent or not a number.
	 */
	private static long number(Map<String, Object> node, String field) {
		Object value = node.get(field);
		if (value instanceof Number number) {
			return number.longValue();
		}
		if (value instanceof String string) {
			try {
				return Long.parseLong(string.strip());
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}
		return 0;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Map<String, Object> node, String field) {
		return (node.get(field) instanceof Map<?, ?> value) ? (Map<String, Object>) value : Map.of();
	}

	private static void pause(String api, Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WxBusyException(api, WxErrcodes.BUSY, "interrupted while waiting to retry");
		}
	}

	private record Reply(int status, String body) {
	}

}
