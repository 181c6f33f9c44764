package io.github.wxlogin.test;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureFakeWeChat} with the application's own credentials.
 */
@SpringJUnitConfig(CustomCredentialsContextTests.EmptyConfiguration.class)
@AutoConfigureFakeWeChat(appid = "wxcustom00000001", secret = "custom-secret")
class CustomCredentialsContextTests {

	@Autowired
	FakeWeChatServer wechat;

	@Autowired
	Environment environment;

	@Test
	void fakeAcceptsTheGivenCredentials() {
		assertThat(this.wechat.appid()).isEqualTo("wxcustom00000001");
		assertThat(this.wechat.secret()).isEqualTo("custom-secret");
		assertThat(this.environment.getProperty("wx.login.appid")).isEqualTo("wxcustom00000001");
		assertThat(new WeChatHttp(this.wechat).stableToken(false).errcode()).isZero();
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
