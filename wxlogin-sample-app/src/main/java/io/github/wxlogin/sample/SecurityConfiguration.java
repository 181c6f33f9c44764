package io.github.wxlogin.sample;

import io.github.wxlogin.security.WxLoginConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * The application's own security filter chains: the {@code wxapps} Actuator endpoint behind HTTP Basic;
 * then the starter's rules, the demo page, its static files, the public API and the demo endpoints open
 * to everyone, and everything else behind a Bearer token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String USER_NAME = "spring.security.user.name";

	static final String USER_PASSWORD = "spring.security.user.password";

	/**
	 * The {@code wxapps} endpoint, which registers mini programs and changes their secrets: only the HTTP
	 * Basic user of {@code spring.security.user.name} and {@code .password}, and nobody when they are not
	 * both set. Ahead of the chain below, whose Bearer tokens are the mini programs' users', who must never
	 * reach it.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain wxAppsEndpointChain(HttpSecurity http, Environment environment) throws Exception {
		http.securityMatcher(WxAppsEndpointRequest.matcher());
		String name = environment.getProperty(USER_NAME);
		String password = environment.getProperty(USER_PASSWORD);
		if (StringUtils.hasText(name) && StringUtils.hasText(password)) {
			// Spring Boot's own user from these properties backs off beside the starter's JwtDecoder
			http.userDetailsService(new InMemoryUserDetailsManager(
					User.withUsername(name).password(encoded(password)).roles("WXAPPS").build()));
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			http.httpBasic(Customizer.withDefaults());
		}
		else {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().denyAll());
		}
		// Called by scripts with Basic credentials, never by a browser session: no cookie to forge
		http.csrf((csrf) -> csrf.disable());
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	/** As Spring Boot reads the property: a password without an encoder's {id} prefix is plain text. */
	private static String encoded(String password) {
		return password.matches("^\\{.+}.*$") ? password : "{noop}" + password;
	}

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
