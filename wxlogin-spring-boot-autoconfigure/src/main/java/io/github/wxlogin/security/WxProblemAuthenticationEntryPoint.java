package io.github.wxlogin.security;

import java.io.IOException;

import io.github.wxlogin.http.ProblemJsonWriter;
import io.github.wxlogin.http.WxProblem;
import io.github.wxlogin.session.TokenStoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request without a valid Bearer token with 401, the {@code WWW-Authenticate} header of RFC
 * 6750 and a {@code problem+json} body with code {@code unauthorized}; a token that could not be checked
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
		this.problems.write(response, WxProblem.unauthorized());
	}

}
