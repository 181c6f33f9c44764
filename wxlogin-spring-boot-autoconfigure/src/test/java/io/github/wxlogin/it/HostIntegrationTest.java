package io.github.wxlogin.it;

import java.util.Map;

import io.github.wxlogin.test.AutoConfigureFakeWeChat;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.it.WxLoginClient.Reply;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host application on a random port with the fake WeChat server, and a client that plays the mini
 * program. Subclasses share one application context. State stays in memory here; the cluster tests cover
 * Redis. The WeChat timeouts only guard against a hung fake: dozens of concurrent calls on a loaded
 * machine must not time out ({@link SlowWeChatIntegrationTests} tests the timeout itself).
 */
@SpringBootTest(classes = HostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "wx.login.connect-timeout=10s", "wx.login.read-timeout=30s", "wx.login.rate-limit.enabled=false",
				"wx.login.store.type=memory",
				"wx.login.introspection.clients.orders=" + HostIntegrationTest.INTROSPECTION_SECRET })
@AutoConfigureFakeWeChat
abstract class HostIntegrationTest {

	/** The secret of the service {@code orders}, which may introspect tokens. */
	static final String INTROSPECTION_SECRET = "a-secret-of-the-orders-service-of-32-chars";

	@Autowired
	FakeWeChatServer fake;

	@LocalServerPort
	int port;

	WxLoginClient client;

	@BeforeEach
	void startClient() {
		this.client = new WxLoginClient(this.port);
		this.fake.reset();
	}

	Reply login(String openid) {
		Reply reply = this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode(openid)));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		return reply;
	}

	String accessToken(String openid) {
		return login(openid).text("accessToken");
	}

	static void assertProblem(Reply reply, int status, String code) {
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.code()).isEqualTo(code);
		assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at io.github");
	}

}
