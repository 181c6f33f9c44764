package io.github.wxlogin.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers a request that Spring Security's firewall refused (such as a header value with control
 * characters) with 400 and a {@code problem+json} body with code {@code invalid_request} when it was
 * for one of the starter's endpoints; any other path gets Spring Security's own 400.
 */
public class WxProblemRequestRejectedHandler implements RequestRejectedHandler {

	private final RequestRejectedHandler others = new HttpStatusRequestRejectedHandler();

	private final String basePath;

	/**
	 * Create a handler.
	 * @param basePath where the starter's endpoints are mounted, such as {@code /wx}
	 */
	public WxProblemRequestRejectedHandler(String basePath) {
		this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException, ServletException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.equals(this.basePath) && !path.startsWith(this.basePath + "/")) {
			this.others.handle(request, response, requestRejectedException);
			return;
		}
		ProblemJsonWriter.write(response, HttpServletResponse.SC_BAD_REQUEST, "Bad Request", "invalid_request",
				"The request was refused: a header, the path or the method is malformed.");
	}

}
