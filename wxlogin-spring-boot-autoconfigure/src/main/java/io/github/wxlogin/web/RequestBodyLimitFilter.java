package io.github.wxlogin.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the request bodies of the login endpoints, which are a few hundred bytes: a declared length over
 * the cap is refused with 413 before anything is read, and a body without a declared length stops being
 * read at the cap (the endpoint then answers 400).
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final int maxBytes;

	/**
	 * Create a filter.
	 * @param maxBytes the largest body accepted
	 */
	public RequestBodyLimitFilter(int maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
						+ "\"detail\":\"The request body is larger than " + this.maxBytes
						+ " bytes.\",\"code\":\"invalid_request\"}");
			return;
		}
		chain.doFilter(new LimitedRequest(request, this.maxBytes), response);
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
