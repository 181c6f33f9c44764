package io.github.wxlogin.test;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureFakeWeChat} on a {@code @SpringBootTest}: the fake's
 * properties win over the application's configuration, whatever its source.
 */
@SpringBootTest(classes = SpringBootTestIntegrationTests.TestApplication.class,
		properties = "wx.login.api-base-url=https://api.weixin.qq.com")
@AutoConfigureFakeWeChat
@ExtendWith(OutputCaptureExtension.class)
class SpringBootTestIntegrationTests {

	@Autowired
	FakeWeChatServer wechat;

	@Autowired
	Environment environment;

	@Test
	void theFakesPropertiesWinOverTheConfiguredServer(CapturedOutput output) {
		assertThat(this.environment.getProperty("wx.login.api-base-url")).isEqualTo(this.wechat.baseUrl());
		assertThat(this.environment.getProperty("wx.login.secret")).isEqualTo(this.wechat.secret());
		assertThat(this.environment.getProperty("wx.login.appid")).isEqualTo(FakeWeChatServer.DEFAULT_APPID);
		assertThat(output).contains("this test uses the fake WeChat server's wx.login.api-base-url ("
				+ this.wechat.baseUrl() + ") rather than the configured one (https://api.weixin.qq.com)");
	}

	@Nested
	@TestPropertySource(properties = "wx.login.appid=wx0123456789abcdef")
	class WithTheApplicationsAppid {

		@Autowired
		FakeWeChatServer nestedWechat;

		@Autowired
		Environment nestedEnvironment;

		@Test
		void theFakeServesTheConfiguredAppid(CapturedOutput output) {
			assertThat(this.nestedWechat.appid()).isEqualTo("wx0123456789abcdef");
			assertThat(this.nestedEnvironment.getProperty("wx.login.appid")).isEqualTo("wx0123456789abcdef");
			assertThat(output).doesNotContain("wx.login.appid (");
		}

	}

	@Nested
	@TestPropertySource(properties = { "wx.login.appid=${WX_LOGIN_APPID_NOT_SET}", "wx.login.secret=${WX_LOGIN_SECRET_NOT_SET}" })
	class WithUndefinedVariables {

		@Autowired
		FakeWeChatServer nestedWechat;

		@Autowired
		Environment nestedEnvironment;

		@Test
		void theFakesCredentialsApplyWithoutAWarning(CapturedOutput output) {
			assertThat(this.nestedEnvironment.getProperty("wx.login.appid")).isEqualTo(FakeWeChatServer.DEFAULT_APPID);
			assertThat(this.nestedEnvironment.getProperty("wx.login.secret")).isEqualTo(this.nestedWechat.secret());
			assertThat(output).doesNotContain("wx.login.appid (").doesNotContain("wx.login.secret rather");
		}

	}

	@Nested
	@AutoConfigureFakeWeChat(appid = "wxfedcba9876543210")
	class WithAnAppidThatDisagreesWithTheConfiguration {

		@DynamicPropertySource
		static void appid(DynamicPropertyRegistry registry) {
			registry.add("wx.login.appid", () -> "wx0123456789abcdef");
		}

		@Autowired
		Environment nestedEnvironment;

		@Test
		void theAnnotationsAppidWinsOverEvenDynamicPropertiesAndAWarningNamesBoth(CapturedOutput output) {
			assertThat(this.nestedEnvironment.getProperty("wx.login.appid")).isEqualTo("wxfedcba9876543210");
			assertThat(output).contains("this test uses the fake WeChat server's wx.login.appid (wxfedcba9876543210) "
					+ "rather than the configured one (wx0123456789abcdef) from Dynamic Test Properties");
		}

	}

	@SpringBootConfiguration
	static class TestApplication {

	}

}
