package io.github.wxlogin.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import io.github.wxlogin.http.ProblemJsonWriter;
import io.github.wxlogin.http.WxProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies the login endpoints never accept, before any filter or Spring MVC parses them:
 * a declared length over the cap (413), and any content type but JSON (415) — form and multipart bodies
 * would otherwise be parsed, and could fail, outside the endpoints' own error handling. A body without a
 * declared length stops being read at the cap (the endpoint then answers 400). The avatar upload is the
 * one exception: it takes {@code multipart/form-data} only, up to its own cap (413 {@code image_too_large}
 * beyond). The OAuth token endpoints are the other: they take form-encoded bodies only, as their RFCs have
 * it, up to the same cap as JSON.
 */
public class WxRequestBodyFilter extends OncePerRequestFilter {

	/** Room for the multipart boundaries and part headers around the image. */
	private static final long MULTIPART_OVERHEAD = 16 * 1024;

	private final int maxBytes;

	private final ProblemJsonWriter problems;

	private final @Nullable String uploadPath;

	private final long maxUploadBytes;

	private final Set<String> formPaths;

	/**
	 * Create a filter for JSON endpoints only.
	 * @param maxBytes the largest body accepted
	 * @param problems the writer of the {@code problem+json} refusals
	 */
	public WxRequestBodyFilter(int maxBytes, ProblemJsonWriter problems) {
		this(maxBytes, problems, null, 0);
	}

	/**
	 * Create a filter that also lets the avatar upload through.
	 * @param maxBytes the largest JSON body accepted
	 * @param problems the writer of the {@code problem+json} refusals
	 * @param uploadPath the path of the avatar upload, within the application, or {@code null} when there is none
	 * @param maxUploadBytes the largest image the upload accepts
	 */
	public WxRequestBodyFilter(int maxBytes, ProblemJsonWriter problems, @Nullable String uploadPath,
			long maxUploadBytes) {
		this(maxBytes, problems, uploadPath, maxUploadBytes, List.of());
	}

	/**
	 * Create a filter that also lets the avatar upload and the form-encoded endpoints through.
	 * @param maxBytes the largest JSON or form body accepted
	 * @param problems the writer of the {@code problem+json} refusals
	 * @param uploadPath the path of the avatar upload, within the application, or {@code null} when there is none
	 * @param maxUploadBytes the largest image the upload accepts
	 * @param formPaths the paths, within the application, of the endpoints that read form-encoded bodies
	 */
	public WxRequestBodyFilter(int maxBytes, ProblemJsonWriter problems, @Nullable String uploadPath,
			long maxUploadBytes, List<String> formPaths) {
		this.maxBytes = maxBytes;
		this.problems = problems;
		this.uploadPath = uploadPath;
		this.maxUploadBytes = maxUploadBytes + MULTIPART_OVERHEAD;
		this.formPaths = Set.copyOf(formPaths);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals(this.uploadPath)) {
			filterUpload(request, response, chain);
			return;
		}
		if (request.getContentLengthLong() > this.maxBytes) {
			this.problems.write(response, WxProblem.bodyTooLarge(this.maxBytes));
			return;
		}
		if (this.formPaths.contains(path)) {
			if (hasBody(request) && !isForm(request.getContentType())) {
				this.problems.write(response, WxProblem.bodyNotForm());
				return;
			}
			// Tomcat reads the form's parameters itself, under the declared length checked above
			chain.doFilter(request, response);
			return;
		}
		if (hasBody(request) && !isJsonOrAbsent(request.getContentType())) {
			this.problems.write(response, WxProblem.bodyNotJson());
			return;
		}
		chain.doFilter(new LimitedRequest(request, this.maxBytes), response);
	}

	private void filterUpload(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxUploadBytes) {
			this.problems.write(response, WxProblem.uploadTooLarge());
			return;
		}
		if (hasBody(request) && !isMultipartFormData(request.getContentType())) {
			this.problems.write(response, WxProblem.uploadNotMultipart());
			return;
		}
		// Tomcat parses the parts itself, within spring.servlet.multipart's limits
		chain.doFilter(request, response);
	}

	private static boolean isMultipartFormData(@Nullable String contentType) {
		try {
			return contentType != null && MediaType.MULTIPART_FORM_DATA.includes(MediaType.parseMediaType(contentType));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static boolean isForm(@Nullable String contentType) {
		try {
			return contentType != null
					&& MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
	}

	private static boolean isJsonOrAbsent(@Nullable String contentType) {
		if (contentType == null) {
			return true;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final int maxBytes;

		LimitedRequest(HttpServletRequest request, int maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int next = in.read();
					if (next >= 0) {
						count(1);
					}
					return next;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int count = in.read(buffer, offset, length);
					if (count > 0) {
						count(count);
					}
					return count;
				}

				private void count(int bytes) throws IOException {
					this.read += bytes;
					if (this.read > LimitedRequest.this.maxBytes) {
						throw new IOException("Request body larger than " + LimitedRequest.this.maxBytes + " bytes");
					}
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}

			};
		}

	}

}
