package io.github.wxlogin.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A call to the fake server: its query parameters and, for POST calls, its JSON body.
 */
final class WeChatRequest {

	private final Map<String, String> query;

	private final String body;

	private @Nullable JsonNode json;

	WeChatRequest(Map<String, String> query, String body) {
		this.query = query;
		this.body = body;
	}

	static WeChatRequest read(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return new WeChatRequest(parseQuery(exchange.getRequestURI().getRawQuery()), body);
		}
	}

	/**
	 * Return the body as sent.
	 * @return the body text
	 */
	String body() {
		return this.body;
	}

	/**
	 * Return this call with another body, such as the plaintext of a secured call.
	 * @param body the body text
	 * @return the call
	 */
	WeChatRequest withBody(String body) {
		return new WeChatRequest(this.query, body);
	}

	/**
	 * Return a query parameter.
	 * @param name the parameter name
	 * @return its value, or {@code null} when absent or empty
	 */
	@Nullable String param(String name) {
		String value = this.query.get(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

	/**
	 * Return a member of the JSON body as text.
	 * @param name the member name
	 * @return its value, or {@code null} when absent, null or empty
	 * @throws WeChatApiError 47001 when the body is not a JSON object
	 */
	@Nullable String bodyText(String name) {
		JsonNode member = json().get(name);
		if (member == null || member.isNull() || member.isContainer()) {
			return null;
		}
		String value = member.asString();
		return value.isEmpty() ? null : value;
	}

	boolean bodyFlag(String name) {
		JsonNode member = json().get(name);
		return member != null && (member.isBoolean() ? member.asBoolean() : "true".equals(member.asString()));
	}

	private JsonNode json() {
		JsonNode parsed = this.json;
		if (parsed == null) {
			parsed = Json.readObject(this.body);
			this.json = parsed;
		}
		return parsed;
	}

	private static Map<String, String> parseQuery(@Nullable String rawQuery) {
		Map<String, String> query = new HashMap<>();
		if (rawQuery == null) {
			return query;
		}
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
			query.putIfAbsent(name, value);
		}
		return query;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
