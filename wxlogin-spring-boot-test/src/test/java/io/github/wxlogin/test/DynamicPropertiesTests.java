package io.github.wxlogin.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FakeWeChatProperties#registerProperties} with
 * {@link FakeWeChatServerExtension}.
 */
@SpringJUnitConfig(DynamicPropertiesTests.EmptyConfiguration.class)
class DynamicPropertiesTests {

	@RegisterExtension
	static FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	@DynamicPropertySource
	static void wechatProperties(DynamicPropertyRegistry registry) {
		FakeWeChatProperties.registerProperties(wechat.server(), registry);
	}

	@Value("${wx.login.api-base-url}")
	String apiBaseUrl;

	@Value("${wx.login.appid}")
	String appid;

	@Value("${wx.login.secret}")
	String secret;

	@Test
	void propertiesPointAtTheExtensionsServer() {
		assertThat(this.apiBaseUrl).isEqualTo(wechat.server().baseUrl());
		assertThat(this.appid).isEqualTo(wechat.server().appid());
		assertThat(this.secret).isEqualTo(wechat.server().secret());
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
