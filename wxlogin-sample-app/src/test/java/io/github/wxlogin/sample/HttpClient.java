package io.github.wxlogin.sample;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Calls the running application and keeps each reply's status and body, whatever the status.
 */
final class HttpClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final RestClient http;

	HttpClient(int port) {
		this.http = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
	}

	Reply get(String path, @Nullable String bearer) {
		return exchange(this.http.get().uri(path).headers((headers) -> bearer(headers, bearer)));
	}

	Reply post(String path, @Nullable String bearer, Object body) {
		return exchange(this.http.post()
			.uri(path)
			.headers((headers) -> bearer(headers, bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.body(json.writeValueAsString(body)));
	}

	Reply put(String path, @Nullable String bearer, Object body) {
		return exchange(this.http.put()
			.uri(path)
			.headers((headers) -> bearer(headers, bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.body(json.writeValueAsString(body)));
	}

	Reply multipart(String path, @Nullable String bearer, MultiValueMap<String, Object> parts) {
		return exchange(this.http.post()
			.uri(path)
			.headers((headers) -> bearer(headers, bearer))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts));
	}

	private static void bearer(HttpHeaders headers, @Nullable String token) {
		if (token != null) {
			headers.setBearerAuth(token);
		}
	}

	private static Reply exchange(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((req, res) -> new Reply(res.getStatusCode().value(), res.getHeaders(),
				new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
	}

	/**
	 * A reply.
	 *
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param body the body as text
	 */
	record Reply(int status, HttpHeaders headers, String body) {

		@Nullable MediaType contentType() {
			return this.headers.getContentType();
		}

		JsonNode json() {
			return json.readTree(this.body);
		}

		String text(String field) {
			return json().path(field).asString();
		}

	}

}
