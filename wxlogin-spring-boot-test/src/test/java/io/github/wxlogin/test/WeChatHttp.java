package io.github.wxlogin.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a {@link FakeWeChatServer} over real HTTP, as the starter's client would.
 */
final class WeChatHttp {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** How long a call may take before it fails: a guard against a hung server, far above any local call. */
	static final Duration HANG_GUARD = Duration.ofSeconds(30);

	private final FakeWeChatServer server;

	private final Duration timeout;

	WeChatHttp(FakeWeChatServer server) {
		this(server, HANG_GUARD);
	}

	/**
	 * Create a client whose calls give up after the given time, to show that the server held a reply back.
	 * @param server the server to call
	 * @param timeout how long each call waits for the reply
	 */
	WeChatHttp(FakeWeChatServer server, Duration timeout) {
		this.server = server;
		this.timeout = timeout;
	}

	Reply get(String path, Map<String, String> query) {
		return send(HttpRequest.newBuilder(uri(path, query)).GET());
	}

	Reply post(String path, Map<String, String> query, Object body) {
		String json = (body instanceof String text) ? text : MAPPER.writeValueAsString(body);
		return send(HttpRequest.newBuilder(uri(path, query))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	Reply code2Session(String code) {
		return code2Session(this.server.appid(), this.server.secret(), code);
	}

	Reply code2Session(String appid, String secret, String code) {
		return get("/sns/jscode2session",
				params("appid", appid, "secret", secret, "js_code", code, "grant_type", "authorization_code"));
	}

	Reply stableToken(boolean forceRefresh) {
		return stableToken(this.server.appid(), this.server.secret(), forceRefresh);
	}

	Reply stableToken(String appid, String secret, boolean forceRefresh) {
		return post("/cgi-bin/stable_token", Map.of(), Map.of("grant_type", "client_credential", "appid", appid,
				"secret", secret, "force_refresh", forceRefresh));
	}

	String accessToken() {
		return accessToken(this.server.appid(), this.server.secret());
	}

	String accessToken(String appid, String secret) {
		return stableToken(appid, secret, false).json().get("access_token").asString();
	}

	Reply phoneNumber(String token, Map<String, String> body) {
		return post("/wxa/business/getuserphonenumber", Map.of("access_token", token), body);
	}

	Reply msgSecCheck(String token, String openid, String content) {
		return post("/wxa/msg_sec_check", Map.of("access_token", token),
				Map.of("content", content, "version", 2, "scene", 1, "openid", openid));
	}

	Reply checkSession(String token, String openid, String signature) {
		return get("/wxa/checksession", params("access_token", token, "openid", openid, "signature", signature,
				"sig_method", "hmac_sha256"));
	}

	static Map<String, String> params(String... namesAndValues) {
		Map<String, String> params = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return params;
	}

	private URI uri(String path, Map<String, String> query) {
		String queryString = query.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return URI.create(this.server.baseUrl() + path + (queryString.isEmpty() ? "" : "?" + queryString));
	}

	private Reply send(HttpRequest.Builder request) {
		HttpRequest built = request.timeout(this.timeout).build();
		try {
			HttpResponse<String> response;
			try {
				response = this.client.send(built, HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				if (!String.valueOf(ex.getMessage()).contains("received no bytes")) {
					throw ex;
				}
				// The client picked a kept-alive connection the JDK server had just closed: nothing was read
				response = this.client.send(built, HttpResponse.BodyHandlers.ofString());
			}
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A reply of the fake server.
	 *
	 * @param status the HTTP status
	 * @param contentType the content type
	 * @param body the body text
	 */
	record Reply(int status, String contentType, String body) {

		JsonNode json() {
			return MAPPER.readTree(this.body);
		}

		int errcode() {
			JsonNode errcode = json().get("errcode");
			return (errcode != null) ? errcode.asInt() : 0;
		}

	}

}
