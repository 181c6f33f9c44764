package io.github.wxlogin.wechat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.wxlogin.wechat.WxApiException.Reason;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * {@link WxApiClient} on Spring's {@link RestClient}. The calls that need WeChat's access token take it
 * from a {@link WxAccessTokenProvider}; when WeChat rejects it, the token is invalidated and the call made
 * once more with a new one.
 */
public class RestClientWxApiClient implements WxApiClient {

	private static final String CODE2SESSION = "jscode2session";

	private static final String PHONE_NUMBER = WxErrcodes.PHONE_NUMBER;

	private static final String MSG_SEC_CHECK = "msg_sec_check";

	private static final String CHECK_SESSION = "checksession";

	private static final String MEDIA_CHECK_ASYNC = WxErrcodes.MEDIA_CHECK_ASYNC;

	private static final int IMAGE = 2;

	private static final int PROFILE_SCENE = 1;

	private static final String RISK_RANK = WxErrcodes.RISK_RANK;

	private static final String CHECK_ENCRYPTED_DATA = WxErrcodes.CHECK_ENCRYPTED_DATA;

	/** getuserriskrank's scene of registration and login. */
	private static final int REGISTRATION_SCENE = 0;

	/** checkencryptedmsg's answer for data WeChat does not know or made more than three days ago. */
	private static final int UNKNOWN_OR_OLD_DATA = 1;

	/** WeChat's answer to a checkSession whose signature does not match the user's current session key. */
	private static final int INVALID_SIGNATURE = 87009;

	private final WxApiCalls calls;

	private final WxSecuredCalls securedCalls;

	private final WxAccessTokenProvider accessTokens;

	/**
	 * Create a client.
	 * @param restClient a client whose base URL is WeChat's API root and whose request factory has the
	 * timeouts to use
	 * @param accessTokens where the calls that need it get WeChat's access token
	 * @param busyBackoff the pauses before each retry of a call WeChat answered with {@code -1}
	 */
	public RestClientWxApiClient(RestClient restClient, WxAccessTokenProvider accessTokens, Duration... busyBackoff) {
		this(() -> restClient, accessTokens, busyBackoff);
	}

	/**
	 * Create a client whose {@link RestClient} is made when first asked for, so that nothing of the HTTP
	 * client is built before the first call.
	 * @param restClient supplies a client whose base URL is WeChat's API root and whose request factory has
	 * the timeouts to use, asked for on each call (it should hand out one client)
	 * @param accessTokens where the calls that need it get WeChat's access token
	 * @param busyBackoff the pauses before each retry of a call WeChat answered with {@code -1}
	 */
	public RestClientWxApiClient(Supplier<RestClient> restClient, WxAccessTokenProvider accessTokens,
			Duration... busyBackoff) {
		this(restClient, accessTokens, Clock.systemUTC(), busyBackoff);
	}

	/**
	 * Create a client whose {@link RestClient} is made when first asked for, with the clock that dates
	 * secured calls and checks the timestamps of their replies.
	 * @param restClient supplies a client whose base URL is WeChat's API root and whose request factory has
	 * the timeouts to use, asked for on each call (it should hand out one client)
	 * @param accessTokens where the calls that need it get WeChat's access token
	 * @param clock the clock of secured calls
	 * @param busyBackoff the pauses before each retry of a call WeChat answered with {@code -1}
	 */
	public RestClientWxApiClient(Supplier<RestClient> restClient, WxAccessTokenProvider accessTokens, Clock clock,
			Duration... busyBackoff) {
		this.calls = new WxApiCalls(restClient, busyBackoff);
		this.securedCalls = new WxSecuredCalls(this.calls, clock);
		this.accessTokens = accessTokens;
	}

	@Override
	public WxSession code2Session(WxApp app, String code) {
		Map<String, Object> reply = this.calls.call(CODE2SESSION, () -> this.calls.restClient()
			.get()
			.uri((uri) -> uri.path("/sns/jscode2session")
				.queryParam("appid", "{appid}")
				.queryParam("secret", "{secret}")
				.queryParam("js_code", "{code}")
				.queryParam("grant_type", "authorization_code")
				.build(app.appid(), app.secret(), code)));
		return new WxSession(WxApiCalls.required(CODE2SESSION, reply, "openid"),
				WxApiCalls.required(CODE2SESSION, reply, "session_key"), WxApiCalls.text(reply, "unionid"));
	}

	@Override
	public WxPhoneInfo phoneNumber(WxApp app, String code, String openid) {
		Map<String, Object> reply = post(app, PHONE_NUMBER, "/wxa/business/getuserphonenumber",
				Map.of("code", code, "openid", openid));
		Map<String, Object> info = WxApiCalls.object(reply, "phone_info");
		String phoneNumber = WxApiCalls.required(PHONE_NUMBER, info, "phoneNumber");
		String purePhoneNumber = WxApiCalls.required(PHONE_NUMBER, info, "purePhoneNumber");
		String countryCode = WxApiCalls.required(PHONE_NUMBER, info, "countryCode");
		Map<String, Object> watermark = WxApiCalls.object(info, "watermark");
		return new WxPhoneInfo(phoneNumber, purePhoneNumber, countryCode,
				(info.get("watermark") instanceof Map) ? new WxPhoneInfo.Watermark(
						WxApiCalls.text(watermark, "appid"), WxApiCalls.number(watermark, "timestamp")) : null);
	}

	@Override
	public WxContentVerdict msgSecCheck(WxApp app, String openid, String content) {
		Map<String, Object> body = Map.of("content", content, "version", 2, "scene", 1, "openid", openid);
		Map<String, Object> reply = post(app, MSG_SEC_CHECK, "/wxa/msg_sec_check", body);
		String suggest = WxApiCalls.required(MSG_SEC_CHECK, WxApiCalls.object(reply, "result"), "suggest");
		return switch (suggest) {
			case "pass" -> WxContentVerdict.PASS;
			case "review" -> WxContentVerdict.REVIEW;
			case "risky" -> WxContentVerdict.RISKY;
			default -> throw WxApiCalls.badResponse(MSG_SEC_CHECK, "unknown suggest '" + suggest + "'");
		};
	}

	@Override
	public boolean checkSession(WxApp app, String openid, String sessionKey) {
		String signature = sessionSignature(sessionKey);
		try {
			withAccessToken(app, (token) -> this.calls.call(CHECK_SESSION, () -> this.calls.restClient()
				.get()
				.uri((uri) -> uri.path("/wxa/checksession")
					.queryParam("access_token", "{token}")
					.queryParam("openid", "{openid}")
					.queryParam("signature", "{signature}")
					.queryParam("sig_method", "hmac_sha256")
					.build(token, openid, signature))));
			return true;
		}
		catch (WxApiException ex) {
			if (ex.getErrcode() == INVALID_SIGNATURE) {
				return false;
			}
			throw ex;
		}
	}

	@Override
	public String mediaCheckAsync(WxApp app, String openid, String mediaUrl) {
		Map<String, Object> body = Map.of("media_url", mediaUrl, "media_type", IMAGE, "version", 2, "scene",
				PROFILE_SCENE, "openid", openid);
		Map<String, Object> reply = post(app, MEDIA_CHECK_ASYNC, "/wxa/media_check_async", body);
		return WxApiCalls.required(MEDIA_CHECK_ASYNC, reply, "trace_id");
	}

	@Override
	public WxRiskRank riskRank(WxApp app, String openid, String clientIp, @Nullable String mobile, boolean test) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("appid", app.appid());
		body.put("openid", openid);
		body.put("scene", REGISTRATION_SCENE);
		body.put("client_ip", clientIp);
		if (mobile != null) {
			body.put("mobile_no", mobile);
		}
		if (test) {
			body.put("is_test", true);
		}
		Map<String, Object> reply = post(app, RISK_RANK, "/wxa/getuserriskrank", body);
		Object rank = reply.get("risk_rank");
		if (!(rank instanceof Number number) || number.intValue() < 0 || number.intValue() > WxRiskRank.HIGHEST) {
			throw WxApiCalls.badResponse(RISK_RANK, "reply has no risk_rank from 0 to " + WxRiskRank.HIGHEST);
		}
		return new WxRiskRank(number.intValue());
	}

	@Override
	public WxEncryptedDataCheck checkEncryptedData(WxApp app, String encryptedData) {
		// the hash is of WeChat's Base64 text: a "+" that arrived as a space is restored
		String hash = HexFormat.of().formatHex(sha256(encryptedData.strip().replace(' ', '+')));
		try {
			Map<String, Object> reply = post(app, CHECK_ENCRYPTED_DATA, "/wxa/business/checkencryptedmsg",
					Map.of("encrypted_msg_hash", hash));
			// WeChat spells it "vaild"
			boolean valid = Boolean.TRUE.equals(reply.get("vaild")) || Boolean.TRUE.equals(reply.get("valid"));
			return new WxEncryptedDataCheck(valid, WxApiCalls.number(reply, "create_time"));
		}
		catch (WxApiException ex) {
			if (ex.getErrcode() == UNKNOWN_OR_OLD_DATA) {
				return new WxEncryptedDataCheck(false, 0);
			}
			throw ex;
		}
	}

	/**
	 * Make a POST call with the app's access token, secured when the app's API security covers its path.
	 */
	private Map<String, Object> post(WxApp app, String api, String path, Map<String, ?> body) {
		WxApiSecurity security = app.apiSecurity();
		if (security != null && security.secures(path)) {
			return withAccessToken(app,
					(token) -> this.securedCalls.post(api, app, security, withToken(path, token), body));
		}
		return withAccessToken(app,
				(token) -> this.calls.call(api, () -> this.calls.post(withToken(path, token), body)));
	}

	/**
	 * Make a call with the app's access token. When WeChat rejects the token, it is invalidated (only if
	 * it is still the provider's current one) and the call is made once more with a new token; a second
	 * rejection is thrown.
	 */
	private <T> T withAccessToken(WxApp app, Function<String, T> call) {
		String token = this.accessTokens.accessToken(app);
		try {
			return call.apply(token);
		}
		catch (WxApiException ex) {
			if (ex.getReason() != Reason.TOKEN_REJECTED) {
				throw ex;
			}
			this.accessTokens.invalidate(app, token);
			return call.apply(this.accessTokens.accessToken(app));
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
			return HexFormat.of().formatHex(mac.doFinal());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static Function<UriBuilder, URI> withToken(String path, String accessToken) {
		return (uri) -> uri.path(path).queryParam("access_token", "{token}").build(accessToken);
	}

}
