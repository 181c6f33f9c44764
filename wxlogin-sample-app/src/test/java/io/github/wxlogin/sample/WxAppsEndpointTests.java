package io.github.wxlogin.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.wxlogin.sample.demo.DemoMode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code wxapps} endpoint with {@code spring.security.user.*} set: HTTP Basic only, over the app
 * registry's table.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:wxlogin-sample-wxapps;DB_CLOSE_DELAY=-1",
				"spring.security.user.name=ops", "spring.security.user.password=ops-password-1",
				"wx.login.app-registry.type=jdbc", "wx.login.app-registry.encryption-key=61RNpgHU9w2ZtOJgcnQY4Smb85Btp5RUPHMV9czpqSU=" })
class WxAppsEndpointTests {

	private static final String OPS = "ops:ops-password-1";


	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void withoutCredentialsTheEndpointAsksForThem() throws Exception {
		HttpResponse<String> response = get(null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("Basic"));
	}

	@Test
	void withTheWrongPasswordTheEndpointRefuses() throws Exception {
		assertThat(get("ops:not-the-password").statusCode()).isEqualTo(401);
	}

	@Test
	void withTheUsersCredentialsTheEndpointListsTheApps() throws Exception {
		HttpResponse<String> response = get(OPS);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"appid\":\"" + DemoMode.DEMO_APPID + "\"")
			.contains("\"secretSet\":true");
	}

	@Test
	void anAppRegisteredThroughTheEndpointIsListedWithoutItsSecret() throws Exception {
		String secret = "0123456789abcdef0123456789abcdef";
		HttpResponse<String> registered = this.http.send(request().header("Authorization", basic(OPS))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"appid\":\"wx5a0b0000000000e1\",\"secret\":\"" + secret + "\",\"tenant\":\"shop-1\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		HttpResponse<String> listed = get(OPS);
		assertThat(listed.body()).contains("\"appid\":\"wx5a0b0000000000e1\"")
			.contains("\"tenant\":\"shop-1\"")
			.contains("\"source\":\"database\"")
			.doesNotContain(secret);
		assertThat(registered.body()).doesNotContain(secret);
	}

	@Test
	void aMiniProgramsBearerTokenIsNoWayIn() throws Exception {
		HttpResponse<String> response = this.http.send(request().header("Authorization", "Bearer x.y.z").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> get(String credentials) throws Exception {
		HttpRequest.Builder request = request();
		if (credentials != null) {
			request.header("Authorization", basic(credentials));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	private HttpRequest.Builder request() {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/wxapps")).GET();
	}

}
