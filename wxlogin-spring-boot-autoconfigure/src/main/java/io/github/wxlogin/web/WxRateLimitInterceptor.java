package io.github.wxlogin.web;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import io.github.wxlogin.WxPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies a rate limit before the endpoints it is registered for run: per client IP address (login,
 * refresh) or per user (phone binding). The IP address is the request's remote address, which Spring's
 * forwarded-header handling replaces with the client's when the host enables it
 * ({@code server.forward-headers-strategy}).
 */
public final class WxRateLimitInterceptor implements HandlerInterceptor {

	private final WxRateLimiter limiter;

	private final Function<HttpServletRequest, @Nullable String> client;

	private WxRateLimitInterceptor(WxRateLimiter limiter, Function<HttpServletRequest, @Nullable String> client) {
		this.limiter = limiter;
		this.client = client;
	}

	/**
	 * Return an interceptor that counts requests per client IP address.
	 * @param limiter the limiter
	 * @return the interceptor
	 */
	public static WxRateLimitInterceptor perClientAddress(WxRateLimiter limiter) {
		return new WxRateLimitInterceptor(limiter, HttpServletRequest::getRemoteAddr);
	}

	/**
	 * Return an interceptor that counts requests per signed-in user; requests without one are not counted.
	 * @param limiter the limiter
	 * @return the interceptor
	 */
	public static WxRateLimitInterceptor perUser(WxRateLimiter limiter) {
		return new WxRateLimitInterceptor(limiter, (request) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return (authentication != null && authentication.getPrincipal() instanceof WxPrincipal caller)
					? caller.userId() : null;
		});
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String client = this.client.apply(request);
		Optional<Duration> wait = (client != null) ? this.limiter.tryAcquire(client) : Optional.empty();
		wait.ifPresent((duration) -> {
			throw new WxRateLimitExceededException(duration);
		});
		return true;
	}

	/**
	 * A client used up its allowance of an endpoint: a signal to the endpoints' advice, which answers it
	 * with {@link io.github.wxlogin.http.WxProblem#rateLimited}.
	 */
	static class WxRateLimitExceededException extends RuntimeException {

		private final Duration retryAfter;

		WxRateLimitExceededException(Duration retryAfter) {
			super("Rate limit exceeded", null, false, false);
			this.retryAfter = retryAfter;
		}

		Duration retryAfter() {
			return this.retryAfter;
		}

	}

}
