package io.github.wxlogin.hostchain;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import io.github.wxlogin.test.AutoConfigureFakeWeChat;
import io.github.wxlogin.test.FakeWeChatServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = HostChainApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "wx.login.store.type=memory")
@AutoConfigureFakeWeChat
class HostChainIntegrationTests {

	@Autowired
	FakeWeChatServer fake;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	@Test
	void hostChainIsTheOnlyChain() {
		assertThat(this.context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("hostChain");
	}

	@Test
	void loginStillGoesThroughAndTheHostsRulesApply() throws Exception {
		String body = "{\"code\":\"" + this.fake.issueLoginCode("openid-host-1") + "\"}";
		HttpResponse<String> login = send(request("/wx/login").header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body)));
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		String token = login.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
		HttpResponse<String> hello = send(request("/api/hello").header("Authorization", "Bearer " + token));
		assertThat(hello.statusCode()).isEqualTo(200);
		assertThat(hello.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(send(request("/api/hello")).statusCode()).isEqualTo(401);
		assertThat(send(request("/api/public/hello")).statusCode()).isEqualTo(200);
		HttpResponse<String> otherApp = send(request("/api/shop/hello").header("Authorization", "Bearer " + token));
		assertThat(otherApp.statusCode()).isEqualTo(403);
		assertThat(otherApp.body()).contains("\"code\":\"forbidden\"");
		assertThat(send(request("/wx/jwks.json")).statusCode()).isEqualTo(200);
	}

}
