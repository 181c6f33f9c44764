package io.github.wxlogin.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request without a valid Bearer token with 401, the {@code WWW-Authenticate} header of RFC
 * 6750 and a {@code problem+json} body with code {@code unauthorized}.
 */
public class WxProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.bearer.commence(request, response, authException);
		ProblemJsonWriter.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "unauthorized",
				"A valid Bearer access token is required.");
	}

}
