package io.github.wxlogin.hostchain.unrelated;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A host application whose one chain guards an admin area with HTTP Basic and knows nothing of the
 * starter.
 */
@SpringBootApplication
public class UnrelatedChainApplication {

	@Bean
	SecurityFilterChain adminChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/admin/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	InMemoryUserDetailsManager admins() {
		return new InMemoryUserDetailsManager(User.withUsername("admin").password("{noop}admin-password").build());
	}

	@RestController
	static class AdminEndpoints {

		@GetMapping("/admin/hello")
		Map<String, String> hello() {
			return Map.of("message", "hello admin");
		}

	}

}
