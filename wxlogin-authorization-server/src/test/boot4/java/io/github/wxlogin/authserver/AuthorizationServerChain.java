package io.github.wxlogin.authserver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A host's authorization server chain, as the authorization server's reference shows it, with the WeChat
 * grants added.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerChain {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
		http.with(WxLoginGrantsConfigurer.wxLoginGrants(), Customizer.withDefaults())
			.oauth2AuthorizationServer((authorizationServer) -> http
				.securityMatcher(authorizationServer.getEndpointsMatcher()))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
		return http.build();
	}

}
