package io.github.wxlogin.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code wxapps} endpoint without {@code spring.security.user.*}: nobody reaches it, with or without
 * credentials of any kind.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:wxlogin-sample-wxapps-nouser;DB_CLOSE_DELAY=-1")
class WxAppsEndpointWithoutUserTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void anonymousCallsAreRefused() throws Exception {
		assertThat(send("GET", null).statusCode()).isEqualTo(403);
		assertThat(send("POST", null).statusCode()).isEqualTo(403);
		assertThat(send("DELETE", null).statusCode()).isEqualTo(403);
	}

	@Test
	void credentialsOfAnyKindAreRefused() throws Exception {
		String basic = "Basic " + Base64.getEncoder().encodeToString("user:password".getBytes(StandardCharsets.UTF_8));
		assertThat(send("GET", basic).statusCode()).isEqualTo(403);
		assertThat(send("GET", "Bearer x.y.z").statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> send(String method, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/wxapps/wx0000000000000001"))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString("{\"secret\":\"s\"}"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
