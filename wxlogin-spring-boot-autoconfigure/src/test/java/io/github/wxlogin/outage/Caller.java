package io.github.wxlogin.outage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mini program's calls over HTTP, timed. A reply that does not come within {@link #HANG} is recorded
 * as a hang (status 0), which the outage test refuses: that bound only tells a hung request from a slow
 * one, it is no performance threshold.
 */
final class Caller {

	static final Duration HANG = Duration.ofSeconds(15);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final Duration hang;

	Caller(int port) {
		this(port, HANG);
	}

	/**
	 * A caller that records a reply as a hang only after the given time: for a burst that is meant to wait
	 * its turn.
	 */
	Caller(int port, Duration hang) {
		this.baseUrl = "http://127.0.0.1:" + port;
		this.hang = hang;
	}

	Reply post(String kind, String path, @Nullable String bearer, Map<String, ?> body) {
		HttpRequest.Builder request = request(path, bearer).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		return send(kind, request.build());
	}

	Reply get(String kind, String path, @Nullable String bearer) {
		return send(kind, request(path, bearer).GET().build());
	}

	private HttpRequest.Builder request(String path, @Nullable String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(this.hang);
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return request;
	}

	private Reply send(String kind, HttpRequest request) {
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Reply(kind, start, System.nanoTime() - start, response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Retry-After").orElse(null));
		}
		catch (IOException ex) {
			return new Reply(kind, start, System.nanoTime() - start, 0, ex.toString(), "", null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Reply(kind, start, System.nanoTime() - start, 0, "interrupted", "", null);
		}
	}

	/**
	 * One reply.
	 *
	 * @param kind what was asked, such as {@code login}
	 * @param startNanos when it was asked ({@link System#nanoTime()})
	 * @param nanos how long the reply took
	 * @param status the HTTP status, 0 when no reply came
	 * @param body the body
	 * @param contentType the content type
	 * @param retryAfter the Retry-After header
	 */
	record Reply(String kind, long startNanos, long nanos, int status, String body, String contentType,
			@Nullable String retryAfter) {

		JsonNode json() {
			return Caller.json.readTree(this.body);
		}

		String text(String field) {
			return json().path(field).asString();
		}

		String code() {
			return (this.body.startsWith("{")) ? text("code") : "";
		}

		boolean isStoreUnavailable() {
			return this.status == 503 && "store_unavailable".equals(code())
					&& this.contentType.startsWith("application/problem+json") && this.retryAfter != null;
		}

		@Override
		public String toString() {
			// never a token: only what tells the outcome apart
			return this.kind + " " + this.status + " " + code() + ((this.status == 0) ? " " + this.body : "");
		}

	}

}
