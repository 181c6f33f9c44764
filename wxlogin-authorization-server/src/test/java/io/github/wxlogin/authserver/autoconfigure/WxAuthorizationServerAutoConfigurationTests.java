package io.github.wxlogin.authserver.autoconfigure;

import io.github.wxlogin.authserver.WxLoginTokenCustomizer;
import io.github.wxlogin.autoconfigure.WxLoginAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

class WxAuthorizationServerAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(WxLoginAutoConfiguration.class, WxAuthorizationServerAutoConfiguration.class))
		.withPropertyValues("wx.login.appid=wx0123456789abcdef", "wx.login.secret=secret-of-the-test");

	@Test
	void whenTheStarterRunsThenTheTokenCustomizerIsDeclared() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(WxLoginTokenCustomizer.class));
	}

	@Test
	void whenHostDefinesItsOwnTokenCustomizerThenTheStarterBacksOff() {
		this.contextRunner.withUserConfiguration(HostCustomizer.class)
			.run((context) -> assertThat(context).doesNotHaveBean(WxLoginTokenCustomizer.class)
				.hasSingleBean(OAuth2TokenCustomizer.class));
	}

	@Test
	void whenTheAuthorizationServerIsMissingThenNothingIsDeclared() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(OAuth2Authorization.class))
			.run((context) -> assertThat(context).doesNotHaveBean(WxLoginTokenCustomizer.class));
	}

	@Test
	void whenTheStarterIsOffThenNothingIsDeclared() {
		this.contextRunner.withPropertyValues("wx.login.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WxLoginTokenCustomizer.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class HostCustomizer {

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> hostCustomizer() {
			return (context) -> context.getClaims().claim("host", true);
		}

	}

}
