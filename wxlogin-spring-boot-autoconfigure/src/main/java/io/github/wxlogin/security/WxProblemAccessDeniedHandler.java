package io.github.wxlogin.security;

import java.io.IOException;

import io.github.wxlogin.http.ProblemJsonWriter;
import io.github.wxlogin.http.WxProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers an authenticated request that may not proceed with 403, the {@code WWW-Authenticate} header of
 * RFC 6750 and a {@code problem+json} body with code {@code forbidden}.
 */
public class WxProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();

	private final ProblemJsonWriter problems;

	/**
	 * Create a handler.
	 * @param problems the writer of the {@code problem+json} body
	 */
	public WxProblemAccessDeniedHandler(ProblemJsonWriter problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.access.AccessDeniedException accessDeniedException) throws IOException {
		this.bearer.handle(request, response, accessDeniedException);
		this.problems.write(response, WxProblem.forbidden());
	}

}
