package io.github.wxlogin.web;

import java.time.Duration;
import java.util.Optional;

import io.github.wxlogin.WxPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies the rate limits before the login endpoints run: login and refresh per client IP address, phone
 * binding per user. The IP address is the request's remote address, which Spring's forwarded-header
 * handling replaces with the client's when the host enables it ({@code server.forward-headers-strategy}).
 */
public class WxRateLimitInterceptor implements HandlerInterceptor {

	private final WxRateLimiter login;

	private final WxRateLimiter refresh;

	private final WxRateLimiter phone;

	/**
	 * Create an interceptor.
	 * @param login the limiter of logins per IP address
	 * @param refresh the limiter of refreshes per IP address
	 * @param phone the limiter of phone bindings per user
	 */
	public WxRateLimitInterceptor(WxRateLimiter login, WxRateLimiter refresh, WxRateLimiter phone) {
		this.login = login;
		this.refresh = refresh;
		this.phone = phone;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String path = request.getRequestURI();
		Optional<Duration> wait = Optional.empty();
		if (path.endsWith("/login")) {
			wait = this.login.tryAcquire(request.getRemoteAddr());
		}
		else if (path.endsWith("/token/refresh")) {
			wait = this.refresh.tryAcquire(request.getRemoteAddr());
		}
		else if (path.endsWith("/phone") || path.endsWith("/phone/decrypt")) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof WxPrincipal caller) {
				wait = this.phone.tryAcquire(caller.userId());
			}
		}
		wait.ifPresent((duration) -> {
			throw new WxRateLimitExceededException(duration);
		});
		return true;
	}

	/**
	 * A client used up its allowance of an endpoint.
	 */
	static class WxRateLimitExceededException extends WxLoginException {

		private final Duration retryAfter;

		WxRateLimitExceededException(Duration retryAfter) {
			super(WxErrorCode.RATE_LIMITED, "Too many requests; try again later.");
			this.retryAfter = retryAfter;
		}

		/** Whole seconds, rounded up, as the Retry-After header needs. */
		long retryAfterSeconds() {
			return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
		}

	}

}
