package io.github.wxlogin.autoconfigure;

import io.github.wxlogin.security.WxLoginConfigurer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The default security filter chain: the login endpoints open, every other path of the application
 * behind the Bearer access token. Registered under the same condition as Spring Boot's own default
 * chain ({@code @ConditionalOnDefaultWebSecurity}: Spring Security's web classes present, no
 * {@link SecurityFilterChain} bean) and before it, so that a host's own {@link SecurityFilterChain}
 * makes both back off.
 */
@AutoConfiguration(after = WxLoginAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		// Spring Boot 3.5
		"org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class, JwtDecoder.class })
@ConditionalOnBooleanProperty(name = "wx.login.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "wx.login.security.enabled", matchIfMissing = true)
public final class WxLoginSecurityAutoConfiguration {

	static final String DEFAULT_CHAIN_BEAN_NAME = "wxLoginSecurityFilterChain";

	@Configuration(proxyBeanMethods = false)
	// What @ConditionalOnDefaultWebSecurity means, spelled out: its package differs between Boot 3 and 4
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	@ConditionalOnBean(JwtDecoder.class)
	static class WxLoginSecurityFilterChainConfiguration {

		@Bean(DEFAULT_CHAIN_BEAN_NAME)
		SecurityFilterChain wxLoginSecurityFilterChain(HttpSecurity http) throws Exception {
			http.with(WxLoginConfigurer.wxLogin(), Customizer.withDefaults())
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			return http.build();
		}

	}

}
