package io.github.wxlogin.cluster;

import java.util.Map;

import io.github.wxlogin.WxPrincipal;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A host application run as several instances that share PostgreSQL and Redis.
 */
@SpringBootApplication
public class ClusterApplication {

	@RestController
	static class HelloController {

		@GetMapping("/api/hello")
		Map<String, String> hello(@AuthenticationPrincipal WxPrincipal caller) {
			return Map.of("message", "hello", "userId", caller.userId(), "openid", caller.openid());
		}

	}

}
