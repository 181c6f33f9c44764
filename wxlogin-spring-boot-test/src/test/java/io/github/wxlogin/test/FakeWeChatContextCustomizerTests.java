package io.github.wxlogin.test;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureFakeWeChat} in a plain Spring test.
 */
@SpringJUnitConfig(FakeWeChatContextCustomizerTests.EmptyConfiguration.class)
@AutoConfigureFakeWeChat
class FakeWeChatContextCustomizerTests {

	@Autowired
	FakeWeChatServer wechat;

	@Autowired
	Environment environment;

	@Test
	void serverIsABeanAndTheStarterPointsAtIt() {
		assertThat(this.environment.getProperty("wx.login.api-base-url")).isEqualTo(this.wechat.baseUrl());
		assertThat(this.environment.getProperty("wx.login.appid")).isEqualTo(FakeWeChatServer.DEFAULT_APPID)
			.isEqualTo(this.wechat.appid());
		assertThat(this.environment.getProperty("wx.login.secret")).isEqualTo(this.wechat.secret());
		assertThat(new WeChatHttp(this.wechat).stableToken(false).errcode()).isZero();
	}

	@Test
	void equalAnnotationsGiveEqualCustomizersSoContextsAreShared() {
		FakeWeChatContextCustomizerFactory factory = new FakeWeChatContextCustomizerFactory();
		assertThat(factory.createContextCustomizer(FakeWeChatContextCustomizerTests.class, List.of()))
			.isEqualTo(factory.createContextCustomizer(Subclass.class, List.of()))
			.hasSameHashCodeAs(factory.createContextCustomizer(Subclass.class, List.of()))
			.isNotEqualTo(factory.createContextCustomizer(WithCredentials.class, List.of()));
		assertThat(factory.createContextCustomizer(EmptyConfiguration.class, List.of())).isNull();
	}

	/**
	 * Its own context each time it runs (it runs under {@link Subclass} too): the warning is logged when the
	 * context starts, and a context taken from the cache would log nothing.
	 */
	@Nested
	@TestPropertySource(properties = "wx.login.secret=configured-secret-0123456789")
	@ExtendWith(OutputCaptureExtension.class)
	@DirtiesContext
	class WithAConfiguredSecret {

		@Autowired
		FakeWeChatServer nestedWechat;

		@Autowired
		Environment nestedEnvironment;

		@Test
		void theFakesSecretWinsAndAWarningSaysSoWithoutShowingEither(CapturedOutput output) {
			assertThat(this.nestedEnvironment.getProperty("wx.login.secret")).isEqualTo(this.nestedWechat.secret());
			assertThat(output).contains("@AutoConfigureFakeWeChat: this test uses the fake WeChat server's "
					+ "wx.login.secret rather than the configured one from Inlined Test Properties")
				.contains("@AutoConfigureFakeWeChat(secret = \"...\")")
				.doesNotContain("configured-secret-0123456789")
				.doesNotContain(this.nestedWechat.secret());
		}

	}

	static class Subclass extends FakeWeChatContextCustomizerTests {

	}

	@AutoConfigureFakeWeChat(appid = "wxcustom", secret = "s3cret")
	static class WithCredentials {

	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
