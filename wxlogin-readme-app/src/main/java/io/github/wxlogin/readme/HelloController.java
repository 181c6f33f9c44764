package io.github.wxlogin.readme;

import java.util.Map;

import io.github.wxlogin.WxPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HelloController {

	@GetMapping("/api/hello")
	Map<String, String> hello(@AuthenticationPrincipal WxPrincipal caller) {
		return Map.of("userId", caller.userId(), "openid", caller.openid());
	}

}
