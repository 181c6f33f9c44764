package io.github.wxlogin.hostchain.unconfigured;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A host application with a resource-server chain of its own that forgets {@code WxLoginConfigurer}.
 */
@SpringBootApplication
public class UnconfiguredChainApplication {

	@Bean
	SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
		return http.build();
	}

	@RestController
	static class Endpoints {

		@GetMapping("/api/hello")
		Map<String, String> hello(Authentication caller) {
			return Map.of("name", caller.getName());
		}

	}

}
