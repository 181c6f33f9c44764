package io.github.wxlogin.autoconfigure;

import io.github.wxlogin.security.WxLoginChainCheck;
import io.github.wxlogin.security.WxLoginConfigurer;
import io.github.wxlogin.security.WxProblemRequestRejectedHandler;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The security filter chain of the starter's own endpoints ({@code wx.login.endpoints.base-path/**}),
 * ordered ahead of the host's chains: the endpoints keep their rules whatever chains the host declares,
 * and the host's chains keep serving every other path. A host replaces it by declaring a
 * {@link SecurityFilterChain} bean named {@value #CHAIN_BEAN_NAME}.
 * <p>
 * A request the firewall rejects gets the starter's {@code problem+json}, unless the host declares its own
 * {@link RequestRejectedHandler}.
 * <p>
 * Runs after {@link WxLoginSecurityAutoConfiguration}, so that its "everything else needs a Bearer token"
 * chain is still decided by the host's chains alone.
 */
@AutoConfiguration(after = WxLoginSecurityAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		// Spring Boot 3.5
		"org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class, JwtDecoder.class })
@ConditionalOnBooleanProperty(name = "wx.login.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "wx.login.security.enabled", matchIfMissing = true)
public final class WxLoginEndpointsSecurityAutoConfiguration {

	/** Name of the endpoints' chain; a host bean of this name replaces it. */
	public static final String CHAIN_BEAN_NAME = "wxLoginEndpointsSecurityFilterChain";

	/** Order of the endpoints' chain: ahead of the host's chains, which are unordered or ordered above it. */
	public static final int CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean({ JwtDecoder.class, WxLoginProperties.class })
	static class WxLoginEndpointsChainConfiguration {

		@Bean(CHAIN_BEAN_NAME)
		@Order(CHAIN_ORDER)
		@ConditionalOnMissingBean(name = CHAIN_BEAN_NAME)
		SecurityFilterChain wxLoginEndpointsSecurityFilterChain(HttpSecurity http, WxLoginProperties properties)
				throws Exception {
			http.securityMatcher(WxWebConfiguration.basePath(properties) + "/**")
				.with(WxLoginConfigurer.wxLogin(), Customizer.withDefaults())
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			return http.build();
		}

		@Bean
		@ConditionalOnMissingBean
		RequestRejectedHandler wxLoginRequestRejectedHandler() {
			return new WxProblemRequestRejectedHandler();
		}

		@Bean
		WxLoginChainCheck wxLoginChainCheck(ListableBeanFactory beans) {
			return new WxLoginChainCheck(beans, WxLoginSecurityAutoConfiguration.DEFAULT_CHAIN_BEAN_NAME,
					CHAIN_BEAN_NAME);
		}

	}

}
