package io.github.wxlogin.benchmark.defaultchain;

import io.github.wxlogin.WxPrincipal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample app's hello pair with the starter and no {@code SecurityFilterChain} of its own, so that the
 * starter's default chain guards {@code /api/hello}. That chain lets no request through without a token,
 * so the unguarded twin is left out of Spring Security altogether (which costs less than the sample app's
 * {@code permitAll()} twin: compare guarded figures across apps, not only the ratios).
 */
@SpringBootApplication
@RestController
public class DefaultChainApplication {

	private static final String ANONYMOUS = "anonymous";

	public static void main(String[] args) {
		SpringApplication.run(DefaultChainApplication.class, args);
	}

	@Bean
	WebSecurityCustomizer publicHelloOutsideSecurity() {
		return (web) -> web.ignoring().requestMatchers("/api/public/**");
	}

	@GetMapping("/api/hello")
	Hello hello(@AuthenticationPrincipal WxPrincipal caller) {
		return Hello.to(caller.userId(), caller.openid());
	}

	@GetMapping("/api/public/hello")
	Hello publicHello() {
		return Hello.to(ANONYMOUS, ANONYMOUS);
	}

	/** The sample app's greeting. */
	record Hello(String message, String userId, String openid) {

		static Hello to(String userId, String openid) {
			return new Hello("Hello, " + userId + "!", userId, openid);
		}

	}

}
