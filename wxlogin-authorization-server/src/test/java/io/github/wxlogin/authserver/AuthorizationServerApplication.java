package io.github.wxlogin.authserver;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wxlogin.event.WxLoginAuditEvent;
import io.github.wxlogin.event.WxNewUserEvent;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A host that runs the authorization server with the WeChat grants: its registered client comes from
 * Spring Boot's properties, its keys from Spring Boot's generated {@code JWKSource}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(AuthorizationServerChain.class)
class AuthorizationServerApplication {

	@Bean
	@Order(2)
	SecurityFilterChain applicationChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
		return http.build();
	}

	@Bean
	LoginEvents loginEvents() {
		return new LoginEvents();
	}

	/** The starter's login events, as a host's listener receives them. */
	static class LoginEvents {

		final List<Object> received = new CopyOnWriteArrayList<>();

		@EventListener
		void audit(WxLoginAuditEvent event) {
			this.received.add(event);
		}

		@EventListener
		void newUser(WxNewUserEvent event) {
			this.received.add(event);
		}

	}

}
