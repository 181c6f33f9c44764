package com.example.consumer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import io.github.wxlogin.test.AutoConfigureFakeWeChat;
import io.github.wxlogin.test.FakeWeChatServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user of the published starter and test kit writes: the application logs a user in through
 * the fake WeChat server and lets the token through to its own endpoint, and only the token.
 */
// A busy CI machine can take longer than the default 5 s over the fake's first reply
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "wx.login.read-timeout=30s")
@AutoConfigureFakeWeChat(appid = "wx0123456789abcdef", secret = "consumer-secret-0123456789abcdef")
class ConsumerApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	FakeWeChatServer wechat;

	@Value("${local.server.port}")
	int port;

	@Test
	void logsInThroughWeChatAndCallsAGuardedEndpoint() throws Exception {
		HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/wx/login"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"code\":\"" + this.wechat.issueLoginCode("consumer-openid") + "\"}")));
		assertThat(login.statusCode()).isEqualTo(200);
		Map<String, Object> tokens = JsonParserFactory.getJsonParser().parseMap(login.body());
		assertThat(tokens).containsEntry("tokenType", "Bearer").containsEntry("newUser", true);

		HttpResponse<String> hello = send(HttpRequest.newBuilder(uri("/api/hello"))
			.header("Authorization", "Bearer " + tokens.get("accessToken")));
		assertThat(hello.statusCode()).isEqualTo(200);
		assertThat(JsonParserFactory.getJsonParser().parseMap(hello.body())).containsEntry("openid", "consumer-openid");
	}

	@Test
	void theGuardedEndpointRefusesACallerWithoutAToken() throws Exception {
		HttpResponse<String> hello = send(HttpRequest.newBuilder(uri("/api/hello")));
		assertThat(hello.statusCode()).isEqualTo(401);
		assertThat(hello.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

}
