package io.github.wxlogin.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.github.wxlogin.test.AutoConfigureFakeWeChat;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.wechat.WxAccessTokenProvider;
import io.github.wxlogin.wechat.WxApp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code wxapps} endpoint over HTTP, as an operator calls it: JSON shapes, statuses, and no secret in
 * any reply.
 */
@SpringBootTest(classes = WxAppsEndpointWebTests.Host.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=wxapps", "wx.login.store.type=memory",
				"wx.login.rate-limit.enabled=false" })
@AutoConfigureFakeWeChat
class WxAppsEndpointWebTests {

	private static final String APPID = "wx00000000000000a1";

	private static final String SECRET = "s3cr3t-of-the-registered-app-000";

	private static final String PUSH_TOKEN = "pushToken42";

	private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	FakeWeChatServer fake;

	@Autowired
	WxAccessTokenProvider accessTokens;

	@Test
	void listsThePropertiesAppWithWhenItsTokenWasFetched() throws Exception {
		Reply before = get("/actuator/wxapps");
		assertThat(before.status()).isEqualTo(200);
		assertThat(before.<List<String>>read("$.apps[?(@.appid == '" + this.fake.appid() + "')].source"))
			.isEqualTo(List.of("properties"));
		this.accessTokens.accessToken(new WxApp(this.fake.appid(), this.fake.secret()));
		Reply after = get("/actuator/wxapps/" + this.fake.appid());
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.<String>read("$.tenant")).isEqualTo("default");
		assertThat(after.<Boolean>read("$.enabled")).isTrue();
		assertThat(after.<Boolean>read("$.secretSet")).isTrue();
		assertThat(after.<Boolean>read("$.pushConfigured")).isFalse();
		assertThat(after.<String>read("$.lastTokenFetch")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(after.body()).doesNotContain(this.fake.secret());
	}

	@Test
	void registersChangesAndRemovesAnAppWithoutEverShowingItsSecrets() throws Exception {
		Reply registered = post("/actuator/wxapps", Map.of("appid", APPID, "secret", SECRET, "tenant", "shop-1",
				"pushToken", PUSH_TOKEN, "pushEncodingAesKey", AES_KEY));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		assertThat(registered.<String>read("$.appid")).isEqualTo(APPID);
		assertThat(registered.<String>read("$.tenant")).isEqualTo("shop-1");
		assertThat(registered.<String>read("$.source")).isEqualTo("database");
		assertThat(registered.<Boolean>read("$.pushConfigured")).isTrue();
		assertThat(registered.<Object>read("$.lastTokenFetch")).isNull();

		Reply disabled = post("/actuator/wxapps/" + APPID, Map.of("enabled", false, "secret", "a-new-secret-000"));
		assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
		assertThat(disabled.<Boolean>read("$.enabled")).isFalse();
		Reply pushOff = post("/actuator/wxapps/" + APPID, Map.of("pushToken", ""));
		assertThat(pushOff.<Boolean>read("$.pushConfigured")).isFalse();
		Reply listed = get("/actuator/wxapps");
		assertThat(listed.<List<String>>read("$.apps[*].appid")).contains(APPID, this.fake.appid());

		Reply removed = delete("/actuator/wxapps/" + APPID);
		assertThat(removed.status()).isEqualTo(204);
		assertProblem(get("/actuator/wxapps/" + APPID), 404, "not_found");
		for (Reply reply : List.of(registered, disabled, pushOff, listed)) {
			assertThat(reply.body()).doesNotContain(SECRET, "a-new-secret-000", PUSH_TOKEN, AES_KEY);
		}
	}

	@Test
	void refusalsAreProblemsWithTheirStatus() throws Exception {
		assertProblem(post("/actuator/wxapps", Map.of("appid", "not-an-appid", "secret", SECRET)), 400,
				"invalid_request");
		assertProblem(post("/actuator/wxapps", Map.of("appid", this.fake.appid(), "secret", SECRET)), 409,
				"conflict");
		assertProblem(post("/actuator/wxapps/" + this.fake.appid(), Map.of("enabled", false)), 409, "conflict");
		assertProblem(post("/actuator/wxapps/wx00000000000000ff", Map.of("enabled", false)), 404, "not_found");
		assertProblem(delete("/actuator/wxapps/wx00000000000000ff"), 404, "not_found");
		assertProblem(post("/actuator/wxapps/" + this.fake.appid(), Map.of()), 400, "invalid_request");
		assertProblem(post("/actuator/wxapps/" + this.fake.appid(), Map.of("pushEncodingAesKey", AES_KEY)), 400,
				"invalid_request");
		// Actuator's own refusal of a missing member
		assertThat(post("/actuator/wxapps", Map.of("appid", APPID)).status()).isEqualTo(400);
	}

	@Test
	void aRefusalNeverEchoesTheSecretItWasGiven() throws Exception {
		post("/actuator/wxapps", Map.of("appid", "wx00000000000000b2", "secret", SECRET));
		Reply refused = post("/actuator/wxapps/wx00000000000000b2", Map.of("secret", "  "));
		assertProblem(refused, 400, "invalid_request");
		assertThat(refused.<String>read("$.detail")).contains("[hidden]");
		delete("/actuator/wxapps/wx00000000000000b2");
	}

	private static void assertProblem(Reply reply, int status, String code) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.<String>read("$.code")).isEqualTo(code);
		assertThat(reply.<Integer>read("$.status")).isEqualTo(status);
		assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at io.github").doesNotContain(SECRET);
	}

	private Reply get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	private Reply delete(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).DELETE());
	}

	private Reply post(String path, Map<String, Object> body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json(body))));
	}

	private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	// Values here are strings and booleans only
	private static String json(Map<String, Object> body) {
		StringBuilder json = new StringBuilder("{");
		body.forEach((name, value) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append('"').append(name).append("\":");
			json.append((value instanceof String) ? "\"" + value + "\"" : value);
		});
		return json.append('}').toString();
	}

	record Reply(int status, String contentType, String body) {

		<T> T read(String path) {
			return JsonPath.read(this.body, path);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Host {

		@Bean
		InMemoryAppRegistry appRegistry(FakeWeChatServer fake) {
			return new InMemoryAppRegistry(new WxApp(fake.appid(), fake.secret()));
		}

		// The endpoint's own protection is the host's business (the sample app puts it behind HTTP Basic)
		@Bean
		SecurityFilterChain openChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf((csrf) -> csrf.disable());
			return http.build();
		}

	}

}
