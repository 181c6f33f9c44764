package io.github.wxlogin.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the {@code problem+json} body of a request refused outside Spring MVC (by the security chain,
 * the firewall, the body filter or the servlet container). The body is built from fixed texts only, never
 * from the request or the exception.
 */
public final class ProblemJsonWriter {

	/**
	 * The one content type of every error the starter writes: JSON is UTF-8 by definition (RFC 8259), so
	 * it carries no charset, as Spring MVC writes it too.
	 */
	public static final String CONTENT_TYPE = "application/problem+json";

	private ProblemJsonWriter() {
	}

	/**
	 * Write a problem.
	 * @param response the response, not yet committed
	 * @param status the HTTP status
	 * @param title the status's reason phrase
	 * @param code the contract's stable {@code code}
	 * @param detail a fixed explanation for the client
	 * @throws IOException when the body cannot be written
	 */
	public static void write(HttpServletResponse response, int status, String title, String code, String detail)
			throws IOException {
		byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
				+ detail + "\",\"code\":\"" + code + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType(CONTENT_TYPE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
