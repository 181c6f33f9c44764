package com.example.consumer;

import java.util.Map;

import io.github.wxlogin.WxPrincipal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A host application as the README describes it: the starter, three properties and one endpoint of
 * its own.
 */
@SpringBootApplication
public class ConsumerApplication {

	public static void main(String[] args) {
		SpringApplication.run(ConsumerApplication.class, args);
	}

	@RestController
	static class HelloController {

		@GetMapping("/api/hello")
		Map<String, String> hello(@AuthenticationPrincipal WxPrincipal caller) {
			return Map.of("userId", caller.userId(), "openid", caller.openid());
		}

	}

}
