package io.github.wxlogin.test;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FakeWeChatServerExtension}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeWeChatServerExtensionTests {

	@RegisterExtension
	static FakeWeChatServerExtension wechat = new FakeWeChatServerExtension("wxext0000000001", "ext-secret");

	private static FakeWeChatServer firstServer;

	@Test
	@Order(1)
	void serverRunsWithTheGivenCredentials() {
		firstServer = wechat.server();
		assertThat(wechat.server().appid()).isEqualTo("wxext0000000001");
		assertThat(wechat.server().baseUrl()).startsWith("http://127.0.0.1:");
		wechat.server().issueLoginCode("openid-1");
		new WeChatHttp(wechat.server()).stableToken(false);
		// Longer than the client's hang guard: a later test that still had it would fail
		wechat.server().latency(WeChatHttp.HANG_GUARD.multipliedBy(2));
	}

	@Test
	@Order(2)
	void sameServerIsResetBeforeEachTest() {
		assertThat(wechat.server()).isSameAs(firstServer);
		assertThat(wechat.server().callCount(Api.STABLE_TOKEN)).isZero();
		assertThat(wechat.server().sessionKeyOf("openid-1")).as("users are kept").isNotNull();
		assertThat(new WeChatHttp(wechat.server()).stableToken(false).errcode()).as("answered without the latency")
			.isZero();
	}

}
