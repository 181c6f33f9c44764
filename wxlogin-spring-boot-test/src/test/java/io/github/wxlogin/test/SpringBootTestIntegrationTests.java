package io.github.wxlogin.test;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureFakeWeChat} on a {@code @SpringBootTest}.
 */
@SpringBootTest(classes = SpringBootTestIntegrationTests.TestApplication.class,
		properties = "wx.login.appid=wxfromtestproperty")
@AutoConfigureFakeWeChat
class SpringBootTestIntegrationTests {

	@Autowired
	FakeWeChatServer wechat;

	@Autowired
	Environment environment;

	@Test
	void fakeIsABeanAndTestPropertiesWinOverItsCredentials() {
		assertThat(this.environment.getProperty("wx.login.api-base-url")).isEqualTo(this.wechat.baseUrl());
		assertThat(this.environment.getProperty("wx.login.secret")).isEqualTo(this.wechat.secret());
		assertThat(this.environment.getProperty("wx.login.appid")).isEqualTo("wxfromtestproperty");
	}

	@SpringBootConfiguration
	static class TestApplication {

	}

}
