package io.github.wxlogin.web;

import java.io.IOException;

import io.github.wxlogin.http.ProblemJsonWriter;
import io.github.wxlogin.http.WxLoginEndpoints;
import io.github.wxlogin.http.WxProblem;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers the errors the servlet container refers to the application's error page (Spring Boot's
 * {@code /error}) for the starter's paths with the starter's {@code problem+json}: a {@code TRACE}, which
 * Tomcat refuses with 405 before any filter runs, or a failure that escaped the starter's own handling.
 * Runs on the error dispatch only; the host's own paths keep the host's error page.
 */
public class WxErrorDispatchFilter implements Filter {

	private final WxLoginEndpoints endpoints;

	private final ProblemJsonWriter problems;

	/**
	 * Create a filter.
	 * @param endpoints the starter's endpoints
	 * @param problems the writer of the {@code problem+json} body
	 */
	public WxErrorDispatchFilter(WxLoginEndpoints endpoints, ProblemJsonWriter problems) {
		this.endpoints = endpoints;
		this.problems = problems;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse reply
				&& http.getDispatcherType() == DispatcherType.ERROR && !reply.isCommitted()
				&& isStarterPath(http) && http.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status) {
			reply.resetBuffer();
			this.problems.write(reply, WxProblem.ofContainerStatus(status));
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isStarterPath(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String contextPath = request.getContextPath();
		return uri instanceof String path && path.startsWith(contextPath)
				&& this.endpoints.contains(path.substring(contextPath.length()));
	}

}
