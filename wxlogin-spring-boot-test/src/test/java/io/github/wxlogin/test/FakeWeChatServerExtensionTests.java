package io.github.wxlogin.test;

import java.time.Duration;

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
		wechat.server().latency(Duration.ofSeconds(5));
	}

	@Test
	@Order(2)
	void sameServerIsResetBeforeEachTest() {
		assertThat(wechat.server()).isSameAs(firstServer);
		assertThat(wechat.server().callCount(Api.STABLE_TOKEN)).isZero();
		assertThat(wechat.server().sessionKeyOf("openid-1")).as("users are kept").isNotNull();
		long start = System.nanoTime();
		new WeChatHttp(wechat.server()).stableToken(false);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

}
