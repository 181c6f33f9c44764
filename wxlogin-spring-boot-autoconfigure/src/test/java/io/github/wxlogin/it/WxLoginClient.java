package io.github.wxlogin.it;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * What a mini program does over HTTP, for tests: calls the endpoints and keeps each reply's status,
 * headers and body, whatever the status.
 */
final class WxLoginClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final RestClient http;

	WxLoginClient(int port) {
		this.http = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
	}

	Reply post(String path, @Nullable String bearer, Object body) {
		return exchange(this.http.post()
			.uri(path)
			.headers((headers) -> bearer(headers, bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.body((body instanceof String text) ? text : json.writeValueAsString(body)));
	}

	Reply post(String path, Object body) {
		return post(path, null, body);
	}

	Reply postFromMiniProgram(String path, String appid, Object body) {
		return exchange(this.http.post()
			.uri(path)
			.header(HttpHeaders.REFERER, "https://servicewechat.com/" + appid + "/7/page-frame.html")
			.contentType(MediaType.APPLICATION_JSON)
			.body(json.writeValueAsString(body)));
	}

	Reply raw(String method, String path, @Nullable String bearer, String contentType, byte[] body) {
		return exchange(this.http.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(path)
			.headers((headers) -> bearer(headers, bearer))
			.contentType(MediaType.parseMediaType(contentType))
			.body(body));
	}

	/** A form-encoded post, as the OAuth token endpoints take it, with the given {@code Authorization}. */
	Reply form(String path, @Nullable String authorization, Map<String, String> fields) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		fields.forEach(form::add);
		return exchange(this.http.post()
			.uri(path)
			.headers((headers) -> {
				if (authorization != null) {
					headers.set(HttpHeaders.AUTHORIZATION, authorization);
				}
			})
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form));
	}

	Reply put(String path, String bearer, Object body) {
		return exchange(this.http.put()
			.uri(path)
			.headers((headers) -> bearer(headers, bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.body(json.writeValueAsString(body)));
	}

	Reply get(String path, @Nullable String bearer) {
		return exchange(this.http.get().uri(path).headers((headers) -> bearer(headers, bearer)));
	}

	Reply delete(String path, @Nullable String bearer) {
		return exchange(this.http.delete().uri(path).headers((headers) -> bearer(headers, bearer)));
	}

	private static void bearer(HttpHeaders headers, @Nullable String token) {
		if (token != null) {
			headers.setBearerAuth(token);
		}
	}

	private static Reply exchange(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((req, res) -> {
			String body = new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			return new Reply(res.getStatusCode(), res.getHeaders(), body);
		});
	}

	record Reply(HttpStatusCode status, HttpHeaders headers, String body) {

		JsonNode json() {
			return WxLoginClient.json.readTree(this.body);
		}

		String text(String field) {
			return json().path(field).asString();
		}

		String code() {
			return text("code");
		}

		@Nullable String contentType() {
			return this.headers.getFirst(HttpHeaders.CONTENT_TYPE);
		}

		Map<String, Object> map() {
			return WxLoginClient.json.readValue(this.body, Map.class);
		}

	}

}
