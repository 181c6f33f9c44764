package io.github.wxlogin.readme;

import java.util.Map;

import io.github.wxlogin.test.AutoConfigureFakeWeChat;
import io.github.wxlogin.test.FakeWeChatServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureFakeWeChat
class LoginTests {

	@Autowired
	FakeWeChatServer wechat;

	@LocalServerPort
	int port;

	@Test
	void logsInAndCallsAProtectedEndpoint() {
		RestClient http = RestClient.create("http://localhost:" + this.port);
		String code = this.wechat.issueLoginCode("openid-1"); // what wx.login() gives the mini program

		Map<?, ?> tokens = http.post().uri("/wx/login").body(Map.of("code", code)).retrieve().body(Map.class);
		Map<?, ?> hello = http.get()
			.uri("/api/hello")
			.header("Authorization", "Bearer " + tokens.get("accessToken"))
			.retrieve()
			.body(Map.class);

		assertThat(hello.get("openid")).isEqualTo("openid-1");
	}

}
