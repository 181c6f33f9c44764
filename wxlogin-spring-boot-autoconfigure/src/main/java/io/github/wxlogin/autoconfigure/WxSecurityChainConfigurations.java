package io.github.wxlogin.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.wxlogin.http.ProblemJsonWriter;
import io.github.wxlogin.security.FirewallCharacterRules;
import io.github.wxlogin.security.WxBearerTokenResolver;
import io.github.wxlogin.security.WxLoginChainCheck;
import io.github.wxlogin.security.WxLoginConfigurer;
import io.github.wxlogin.security.WxProblemRequestRejectedHandler;
import io.github.wxlogin.token.WxIssuerMetadata;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The chains of {@link WxLoginSecurityAutoConfiguration}, imported in order.
 */
abstract class WxSecurityChainConfigurations {

	@Configuration(proxyBeanMethods = false)
	// What @ConditionalOnDefaultWebSecurity means, spelled out: its package differs between Boot 3 and 4
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	@ConditionalOnBean(JwtDecoder.class)
	static class DefaultChain {

		@Bean(WxLoginSecurityAutoConfiguration.DEFAULT_CHAIN_BEAN_NAME)
		SecurityFilterChain wxLoginSecurityFilterChain(HttpSecurity http) throws Exception {
			http.with(WxLoginConfigurer.wxLogin(), Customizer.withDefaults())
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean({ JwtDecoder.class, WxLoginProperties.class })
	static class EndpointsChain {

		@Bean(WxLoginSecurityAutoConfiguration.ENDPOINTS_CHAIN_BEAN_NAME)
		@Order(WxLoginSecurityAutoConfiguration.ENDPOINTS_CHAIN_ORDER)
		@ConditionalOnMissingBean(name = WxLoginSecurityAutoConfiguration.ENDPOINTS_CHAIN_BEAN_NAME)
		SecurityFilterChain wxLoginEndpointsSecurityFilterChain(HttpSecurity http, WxLoginProperties properties)
				throws Exception {
			List<String> paths = new ArrayList<>(WxIssuerMetadata.paths(properties.jwt().issuer()));
			paths.add(properties.endpoints().paths().everyPathPattern());
			http.securityMatcher(paths.toArray(String[]::new))
				.with(WxLoginConfigurer.wxLogin(), Customizer.withDefaults())
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			return http.build();
		}

		/** A request the firewall rejects gets the starter's problem, unless the host has a handler of its own. */
		@Bean
		@ConditionalOnMissingBean
		RequestRejectedHandler wxLoginRequestRejectedHandler(ObjectProvider<ProblemJsonWriter> problems,
				BeanFactory beans) {
			return new WxProblemRequestRejectedHandler(problems.getIfAvailable(() -> ProblemJsonWriter.of(beans)));
		}

		@Bean
		WxLoginChainCheck wxLoginChainCheck(ListableBeanFactory beans) {
			return new WxLoginChainCheck(beans, WxLoginSecurityAutoConfiguration.DEFAULT_CHAIN_BEAN_NAME,
					WxLoginSecurityAutoConfiguration.ENDPOINTS_CHAIN_BEAN_NAME);
		}

	}

	/**
	 * What every request's headers go through, in Spring Security's rules without its regular expressions.
	 * Spring Security takes a {@link BearerTokenResolver} bean for every resource-server chain and an
	 * {@link HttpFirewall} bean for its filter chain proxy; a host bean of either type replaces the
	 * starter's.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(BearerTokenResolver.class)
	static class RequestChecks {

		@Bean
		@ConditionalOnMissingBean(BearerTokenResolver.class)
		WxBearerTokenResolver wxLoginBearerTokenResolver() {
			return new WxBearerTokenResolver();
		}

		@Bean
		@ConditionalOnMissingBean(HttpFirewall.class)
		StrictHttpFirewall wxLoginHttpFirewall() {
			return FirewallCharacterRules.strictHttpFirewall();
		}

	}

}
