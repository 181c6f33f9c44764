package io.github.wxlogin.hostchain;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import io.github.wxlogin.test.FakeWeChatServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the tests of a host application with chains of its own share: a client, a login, and the checks
 * that the starter's endpoints stay guarded.
 */
abstract class HostChainTest {

	@Autowired
	FakeWeChatServer fake;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	HttpRequest.Builder json(String path, String method, String body) {
		return request(path).header("Content-Type", "application/json").method(method, BodyPublishers.ofString(body));
	}

	String login(String openid) throws Exception {
		HttpResponse<String> login = send(
				json("/wx/login", "POST", "{\"code\":\"" + this.fake.issueLoginCode(openid) + "\"}"));
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		return login.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
	}

	void assertTheEndpointsNeedAToken() throws Exception {
		assertUnauthorized(send(request("/wx/me")));
		assertUnauthorized(send(json("/wx/phone", "POST", "{\"code\":\"a-phone-code\"}")));
		assertUnauthorized(send(json("/wx/profile", "PUT", "{\"nickname\":\"Mallory\"}")));
		assertUnauthorized(send(json("/wx/logout", "POST", "{}")));
	}

	static void assertOneWarningNames(CapturedOutput output, String chains) {
		assertThat(output.getOut().lines().filter((line) -> line.contains("does not apply WxLoginConfigurer")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN")
				.contains(chains)
				.contains("http.with(WxLoginConfigurer.wxLogin(), Customizer.withDefaults())"));
	}

	static void assertUnauthorized(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"code\":\"unauthorized\"");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("Bearer"));
	}

}
