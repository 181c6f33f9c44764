package io.github.wxlogin.sample;

import io.github.wxlogin.security.WxLoginConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application's own security filter chain: the starter's rules, then the demo page, its static
 * files, the public API and the demo endpoints open to everyone, and everything else behind a Bearer
 * token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	// Spring Security 6 declares Exception on HttpSecurity's methods, 7 does not
	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		// Applied before the rules below: it registers the login endpoints as open ahead of anyRequest()
		http.with(WxLoginConfigurer.wxLogin(), Customizer.withDefaults());
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/index.html", "/css/**", "/js/**", "/img/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/api/public/**", "/demo/**")
			.permitAll()
			.anyRequest()
			.authenticated());
		return http.build();
	}

}
