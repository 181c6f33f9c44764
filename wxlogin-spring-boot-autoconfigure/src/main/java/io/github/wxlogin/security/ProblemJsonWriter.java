package io.github.wxlogin.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the {@code problem+json} body of a request the security chain refused. The body is built from
 * fixed texts only, never from the request or the exception.
 */
final class ProblemJsonWriter {

	private ProblemJsonWriter() {
	}

	static void write(HttpServletResponse response, int status, String title, String code, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\",\"code\":\"" + code + "\"}");
	}

}
