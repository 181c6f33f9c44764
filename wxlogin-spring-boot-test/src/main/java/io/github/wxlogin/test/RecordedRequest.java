package io.github.wxlogin.test;

import com.sun.net.httpserver.Headers;
import org.jspecify.annotations.Nullable;

/**
 * How a call reached the fake server: its method, how its body was framed and the client
 * that sent it.
 *
 * @param method the HTTP method, such as {@code POST}
 * @param framing how the body's length was given
 * @param contentLength the {@code Content-Length} header, or {@code -1} when there was none
 * @param userAgent the {@code User-Agent} header, or {@code null} when there was none
 */
public record RecordedRequest(String method, Framing framing, long contentLength, @Nullable String userAgent) {

	static RecordedRequest of(String method, Headers headers) {
		String length = headers.getFirst("Content-Length");
		String encoding = headers.getFirst("Transfer-Encoding");
		Framing framing = (encoding != null && encoding.toLowerCase().contains("chunked")) ? Framing.CHUNKED
				: (length != null) ? Framing.CONTENT_LENGTH : Framing.NONE;
		return new RecordedRequest(method, framing, (length != null) ? Long.parseLong(length.trim()) : -1,
				headers.getFirst("User-Agent"));
	}

	/**
	 * How a request's body length was given.
	 */
	public enum Framing {

		/** A {@code Content-Length} header. */
		CONTENT_LENGTH,

		/** {@code Transfer-Encoding: chunked}, with no length up front. */
		CHUNKED,

		/** Neither: a request without a body. */
		NONE

	}

}
