package io.github.wxlogin.security;

import java.io.IOException;

import io.github.wxlogin.http.ProblemJsonWriter;
import io.github.wxlogin.http.WxProblem;
import io.github.wxlogin.session.TokenStoreUnavailableException;
import io.github.wxlogin.token.WxTokenRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request without a valid Bearer token with 401, the {@code WWW-Authenticate} header of RFC
 * 6750 and a {@code problem+json} body with code {@code unauthorized}, and, for a token that was valid once,
 * a {@code reason} member that says why it stopped working ({@link WxTokenRefusedException}); a token that could not be checked
 * because the store did not answer gets 503 {@code store_unavailable} instead.
 */
public class WxProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	private final ProblemJsonWriter problems;

	/**
	 * Create an entry point.
	 * @param problems the writer of the {@code problem+json} body
	 */
	public WxProblemAuthenticationEntryPoint(ProblemJsonWriter problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (authException instanceof TokenStoreUnavailableException) {
			// Not the client's fault: no WWW-Authenticate, and a retry soon can succeed
			this.problems.write(response, WxProblem.of(authException));
			return;
		}
		this.bearer.commence(request, response, authException);
		WxTokenRefusedException refused = refusal(authException);
		this.problems.write(response,
				(refused != null) ? WxProblem.unauthorized(refused.reason()) : WxProblem.unauthorized());
	}

	/** Spring Security wraps the decoder's refusal of a token that was valid once. */
	private static @Nullable WxTokenRefusedException refusal(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof WxTokenRefusedException refused) {
				return refused;
			}
		}
		return null;
	}

}
