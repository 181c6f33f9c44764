package io.github.wxlogin.it;

import java.util.Map;

import io.github.wxlogin.WxPrincipal;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A host application as a user writes it: the starter on the classpath and one guarded endpoint.
 */
@SpringBootApplication
public class HostApplication {

	@RestController
	static class HelloController {

		@GetMapping("/api/hello")
		Map<String, String> hello(@AuthenticationPrincipal WxPrincipal caller) {
			return Map.of("message", "hello", "userId", caller.userId(), "openid", caller.openid());
		}

	}

}
