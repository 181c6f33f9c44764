package io.github.wxlogin.security;

import java.io.IOException;

import io.github.wxlogin.http.ProblemJsonWriter;
import io.github.wxlogin.http.WxProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers a request that Spring Security's firewall rejects (a path with {@code //}, {@code ;},
 * {@code ..} or an encoded separator) with 400 and a {@code problem+json} body with code
 * {@code invalid_request}, rather than a container error page.
 */
public class WxProblemRequestRejectedHandler implements RequestRejectedHandler {

	private static final Log logger = LogFactory.getLog(WxProblemRequestRejectedHandler.class);

	private final ProblemJsonWriter problems;

	/**
	 * Create a handler.
	 * @param problems the writer of the {@code problem+json} body
	 */
	public WxProblemRequestRejectedHandler(ProblemJsonWriter problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		// The exception's message quotes the path: DEBUG only, as Spring Security's own handler does
		logger.debug("Rejecting request: " + requestRejectedException.getMessage());
		this.problems.write(response, WxProblem.pathRejected());
	}

}
