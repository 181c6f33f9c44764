package io.github.wxlogin.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * The one writer of the starter's {@code problem+json} errors: the {@link ProblemDetail} of a
 * {@link WxProblem}, serialized by the message converter Spring MVC writes the endpoints' own problems with
 * (the application's JSON mapper), so that every refusal has one shape and one JSON escaping. The
 * endpoints' advice returns {@link WxProblem#toResponseEntity()} to Spring MVC; the refusals made
 * outside Spring MVC (the security chain, the firewall, the body filter, Tomcat's error report) are
 * written here.
 */
public final class ProblemJsonWriter {

	/**
	 * The one content type of every error the starter writes: JSON is UTF-8 by definition (RFC 8259), so
	 * it carries no charset, as Spring MVC writes it too.
	 */
	public static final String CONTENT_TYPE = "application/problem+json";

	private static final boolean SPRING_MVC_PRESENT = ClassUtils.isPresent(
			"org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter",
			ProblemJsonWriter.class.getClassLoader());

	private final Supplier<List<HttpMessageConverter<?>>> converters;

	private volatile @Nullable HttpMessageConverter<Object> converter;

	/**
	 * Create a writer.
	 * @param converters the message converters to choose the {@code problem+json} writer from, asked at
	 * the first write (when the application's are all in place)
	 */
	public ProblemJsonWriter(Supplier<List<HttpMessageConverter<?>>> converters) {
		this.converters = converters;
	}

	/**
	 * A writer with Spring MVC's message converters from the given bean factory, or Spring's defaults in
	 * an application without Spring MVC.
	 * @param beans the application's beans, or {@code null} for Spring's default converters
	 * @return the writer
	 */
	public static ProblemJsonWriter of(@Nullable BeanFactory beans) {
		return new ProblemJsonWriter(() -> {
			List<HttpMessageConverter<?>> mvc = (beans != null && SPRING_MVC_PRESENT) ? SpringMvc.converters(beans)
					: null;
			return (mvc != null) ? mvc : new RestTemplate().getMessageConverters();
		});
	}

	/**
	 * Write a problem: its status, {@code Retry-After} and body.
	 * @param response the response, not yet committed
	 * @param problem the problem
	 * @throws IOException when the body cannot be written
	 */
	public void write(HttpServletResponse response, WxProblem problem) throws IOException {
		String retryAfter = problem.retryAfterHeader();
		if (retryAfter != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		write(response, problem.body());
	}

	/**
	 * Write a problem, with its status.
	 * @param response the response, not yet committed
	 * @param problem the problem
	 * @throws IOException when the body cannot be written
	 */
	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		// Serialized first, so that the response gets a Content-Length rather than a chunked body
		ByteArrayOutputStream body = new ByteArrayOutputStream(256);
		HttpHeaders headers = new HttpHeaders();
		converter().write(problem, MediaType.APPLICATION_PROBLEM_JSON, new HttpOutputMessage() {

			@Override
			public OutputStream getBody() {
				return body;
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

		});
		response.setStatus(problem.getStatus());
		response.setContentType(CONTENT_TYPE);
		response.setContentLength(body.size());
		body.writeTo(response.getOutputStream());
	}

	@SuppressWarnings("unchecked")
	private HttpMessageConverter<Object> converter() {
		HttpMessageConverter<Object> converter = this.converter;
		if (converter == null) {
			converter = (HttpMessageConverter<Object>) this.converters.get()
				.stream()
				.filter((candidate) -> candidate.canWrite(ProblemDetail.class, MediaType.APPLICATION_PROBLEM_JSON))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No message converter writes application/problem+json"));
			this.converter = converter;
		}
		return converter;
	}

	/** Kept apart so that Spring MVC, an optional dependency, is loaded only when present. */
	private static final class SpringMvc {

		static @Nullable List<HttpMessageConverter<?>> converters(BeanFactory beans) {
			RequestMappingHandlerAdapter adapter = beans.getBeanProvider(RequestMappingHandlerAdapter.class)
				.getIfUnique();
			return (adapter != null) ? adapter.getMessageConverters() : null;
		}

	}

}
