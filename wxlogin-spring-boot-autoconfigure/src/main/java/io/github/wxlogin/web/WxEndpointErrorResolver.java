package io.github.wxlogin.web;

import java.io.IOException;

import io.github.wxlogin.http.ProblemJsonWriter;
import io.github.wxlogin.http.WxLoginEndpoints;
import io.github.wxlogin.http.WxProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers the refusals Spring MVC makes on the starter's paths before any endpoint is chosen, a wrong
 * method (405 {@code method_not_allowed}), an unknown path (404 {@code not_found}) and an upload that
 * cannot be parsed (413 {@code image_too_large}, 400 {@code invalid_request}), with the
 * starter's {@code problem+json}. Ordered ahead of the host's exception handlers, and silent on every
 * other path, so the host's own errors stay as the host makes them.
 */
public class WxEndpointErrorResolver implements HandlerExceptionResolver, Ordered {

	private final WxLoginEndpoints endpoints;

	private final ProblemJsonWriter problems;

	/**
	 * Create a resolver.
	 * @param endpoints the starter's endpoints
	 * @param problems the writer of the {@code problem+json} refusals
	 */
	public WxEndpointErrorResolver(WxLoginEndpoints endpoints, ProblemJsonWriter problems) {
		this.endpoints = endpoints;
		this.problems = problems;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!isUnderBasePath(request)) {
			return null;
		}
		try {
			if (ex instanceof HttpRequestMethodNotSupportedException unsupported) {
				String[] allowed = unsupported.getSupportedMethods();
				if (allowed != null) {
					response.setHeader(HttpHeaders.ALLOW, StringUtils.arrayToDelimitedString(allowed, ", "));
				}
				this.problems.write(response, WxProblem.methodNotAllowed());
				return new ModelAndView();
			}
			// The upload is parsed before any endpoint is chosen
			if (ex instanceof MaxUploadSizeExceededException) {
				this.problems.write(response, WxProblem.uploadTooLarge());
				return new ModelAndView();
			}
			if (ex instanceof MultipartException) {
				this.problems.write(response, WxProblem.uploadUnreadable());
				return new ModelAndView();
			}
			if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
				this.problems.write(response, WxProblem.noEndpoint());
				return new ModelAndView();
			}
		}
		catch (IOException writeFailed) {
			// The client is gone; nothing left to answer
			return new ModelAndView();
		}
		return null;
	}

	private boolean isUnderBasePath(HttpServletRequest request) {
		return this.endpoints.contains(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	public int getOrder() {
		// After Boot's DefaultErrorAttributes, which only records the exception, and before Spring MVC's own
		// resolvers and the host's @ControllerAdvice beans
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
