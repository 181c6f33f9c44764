package io.github.wxlogin.hostchain.configured;

import java.util.Map;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.security.WxAppAuthorization;
import io.github.wxlogin.security.WxLoginConfigurer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A host application with its own security filter chain that applies the starter's rules.
 */
@SpringBootApplication
public class HostChainApplication {

	/** Another mini program, whose users alone may use the shop's endpoints. */
	public static final String SHOP_APPID = "wx5a0b000000000001";

	@Bean
	SecurityFilterChain hostChain(HttpSecurity http) throws Exception {
		http.with(WxLoginConfigurer.wxLogin(), Customizer.withDefaults())
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/public/**")
				.permitAll()
				.requestMatchers("/api/shop/**")
				.access(WxAppAuthorization.appid(SHOP_APPID))
				.anyRequest()
				.authenticated());
		return http.build();
	}

	@RestController
	static class Endpoints {

		@GetMapping("/api/hello")
		Map<String, String> hello(@AuthenticationPrincipal WxPrincipal caller) {
			return Map.of("userId", caller.userId());
		}

		@GetMapping("/api/shop/hello")
		Map<String, String> shopHello(@AuthenticationPrincipal WxPrincipal caller) {
			return Map.of("userId", caller.userId());
		}

		@GetMapping("/api/public/hello")
		Map<String, String> publicHello() {
			return Map.of("userId", "anonymous");
		}

	}

}
