package io.github.wxlogin.sample;

import io.github.wxlogin.WxPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application's own API: a greeting for the logged-in caller, and its unguarded twin that does the
 * same work without a token (the baseline when measuring what authentication costs).
 */
@RestController
class HelloController {

	private static final String ANONYMOUS = "anonymous";

	@GetMapping("/api/hello")
	Hello hello(@AuthenticationPrincipal WxPrincipal caller) {
		return Hello.to(caller.userId(), caller.openid());
	}

	@GetMapping("/api/public/hello")
	Hello publicHello() {
		return Hello.to(ANONYMOUS, ANONYMOUS);
	}

	/**
	 * A greeting.
	 *
	 * @param message the greeting itself
	 * @param userId the caller's user id, or {@code anonymous}
	 * @param openid the caller's openid, or {@code anonymous}
	 */
	record Hello(String message, String userId, String openid) {

		static Hello to(String userId, String openid) {
			return new Hello("Hello, " + userId + "!", userId, openid);
		}

	}

}
