package io.github.wxlogin.it;

import java.time.Duration;
import java.util.Map;

import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.Fault;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/**
 * WeChat slower than the read timeout: the caller gets a 503 problem instead of waiting for it.
 */
@TestPropertySource(properties = "wx.login.read-timeout=1s")
class SlowWeChatIntegrationTests extends HostIntegrationTest {

	@Test
	void weChatSlowerThanTheReadTimeoutIs503() {
		// WeChat would answer normally after 30 s: only the 1 s read timeout turns it into a 503
		this.fake.failNext(Api.CODE2SESSION, Fault.delay(Duration.ofSeconds(30)), 1);
		Reply reply = this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode("openid-slow-1")));
		assertProblem(reply, 503, "wechat_unavailable");
	}

}
