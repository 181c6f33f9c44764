package io.github.wxlogin.authserver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An authorization server chain that applies the WeChat grants after the server's own configurer.
 */
@Configuration(proxyBeanMethods = false)
class LateGrantsChain {

	@Bean
	SecurityFilterChain lateGrantsChain(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer
			.authorizationServer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
			.with(authorizationServer, Customizer.withDefaults())
			.with(WxLoginGrantsConfigurer.wxLoginGrants(), Customizer.withDefaults())
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
		return http.build();
	}

}
