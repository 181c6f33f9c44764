package io.github.wxlogin.wechat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.wxlogin.wechat.WxApiException.Reason;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonParser;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec;
import org.springframework.web.util.UriBuilder;

/**
 * WeChat's wire conventions, shared by every call: each body is read as JSON whatever its content type
 * (jscode2session answers {@code text/plain}), a missing {@code errcode} counts as success, an errcode
 * becomes a {@link WxApiException}, and a busy WeChat ({@code -1}) is retried a bounded number of times.
 */
final class WxApiCalls {

	private static final Log logger = LogFactory.getLog(WxApiCalls.class);

	private final Supplier<RestClient> restClient;

	private final Duration[] busyBackoff;

	private final JsonParser jsonParser = JsonParserFactory.getJsonParser();

	WxApiCalls(Supplier<RestClient> restClient, Duration[] busyBackoff) {
		this.restClient = restClient;
		this.busyBackoff = busyBackoff.clone();
	}

	RestClient restClient() {
		return this.restClient.get();
	}

	RequestHeadersSpec<?> post(Function<UriBuilder, URI> uri, Object body) {
		return restClient().post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/**
	 * Make a call, again while WeChat answers that it is busy.
	 * @param api the API's name, as exceptions and metrics name it
	 * @param request makes the request, once per attempt
	 * @return the reply, whose errcode is 0
	 */
	Map<String, Object> call(String api, Supplier<RequestHeadersSpec<?>> request) {
		return call(api, request, (reply) -> json(api, reply.body()));
	}

	/**
	 * Make a call whose reply is read by the caller, again while WeChat answers that it is busy.
	 * @param api the API's name, as exceptions and metrics name it
	 * @param request makes the request, once per attempt
	 * @param reader reads a reply of HTTP status 200 into its JSON members
	 * @return the reply, whose errcode is 0
	 */
	Map<String, Object> call(String api, Supplier<RequestHeadersSpec<?>> request,
			Function<Reply, Map<String, Object>> reader) {
		for (int retry = 0;; retry++) {
			Map<String, Object> reply = reader.apply(exchange(api, request.get()));
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

	private Reply exchange(String api, RequestHeadersSpec<?> request) {
		Reply reply;
		try {
			reply = request.exchange((req, res) -> new Reply(res.getStatusCode().value(), res.getHeaders(),
					StreamUtils.copyToString(res.getBody(), StandardCharsets.UTF_8)));
		}
		catch (ResourceAccessException ex) {
			// The message may hold the URL, whose query has the secret: keep only the cause's type
			throw new WxApiException(Reason.UNAVAILABLE, api, WxApiException.NO_ERRCODE,
					"WeChat unreachable or too slow ("
							+ ((ex.getCause() != null) ? ex.getCause().getClass().getSimpleName() : "I/O error") + ")");
		}
		if (reply.status() != 200) {
			throw badResponse(api, "WeChat answered HTTP " + reply.status());
		}
		return reply;
	}

	/**
	 * Read a body as a JSON object.
	 * @param api the API's name
	 * @param body the body
	 * @return its members
	 * @throws WxApiException ({@code BAD_RESPONSE}) if the body is not a JSON object
	 */
	Map<String, Object> json(String api, String body) {
		if (!body.strip().startsWith("{")) {
			throw badResponse(api, "WeChat's reply is not a JSON object");
		}
		try {
			return this.jsonParser.parseMap(body);
		}
		catch (IllegalArgumentException ex) {
			// Boot's JsonParseException, whichever library parses
			throw badResponse(api, "WeChat's reply is not JSON");
		}
	}

	static WxApiException badResponse(String api, String message) {
		return new WxApiException(Reason.BAD_RESPONSE, api, WxApiException.NO_ERRCODE, message);
	}

	static String required(String api, Map<String, Object> node, String field) {
		String value = text(node, field);
		if (value == null || value.isEmpty()) {
			throw badResponse(api, "reply has no " + field);
		}
		return value;
	}

	static @Nullable String text(Map<String, Object> node, String field) {
		Object value = node.get(field);
		return (value instanceof String || value instanceof Number) ? value.toString() : null;
	}

	/**
	 * A whole number WeChat sent as a number or as a string of digits; 0 when absent or not a number.
	 */
	static long number(Map<String, Object> node, String field) {
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
	static Map<String, Object> object(Map<String, Object> node, String field) {
		return (node.get(field) instanceof Map<?, ?> value) ? (Map<String, Object>) value : Map.of();
	}

	private static void pause(String api, Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WxApiException(Reason.BUSY, api, WxErrcodes.BUSY, "interrupted while waiting to retry");
		}
	}

	/**
	 * A reply of HTTP status 200.
	 *
	 * @param status the HTTP status
	 * @param headers its headers
	 * @param body its body
	 */
	record Reply(int status, HttpHeaders headers, String body) {
	}

}
