package io.github.wxlogin.it;

import java.io.IOException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal on the starter's paths, including those made before a request reaches its controllers
 * (a wrong method, Spring Security's firewall, Tomcat's own checks, an unknown path), is a
 * {@code problem+json} with a stable {@code code} and one content type. Sent over a plain socket, since
 * HTTP clients normalise such paths before sending them.
 */
class RefusalIntegrationTests extends HostIntegrationTest {

	private RawHttp.Response send(String requestLine, String... headers) throws IOException {
		return RawHttp.send(this.port, requestLine, headers);
	}

	static void assertRawProblem(RawHttp.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).as(response.body()).isEqualTo("application/problem+json");
		assertThat(response.body()).contains("\"code\":\"" + code + "\"").contains("\"status\":" + status);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("<html");
	}

	/**
	 * With Spring MVC's problem details switched on, as docs/endpoints.md suggests, the host's own errors become
	 * {@code problem+json} too, and the starter's keep their {@code code}.
	 */
	@Nested
	@TestPropertySource(properties = "spring.mvc.problemdetails.enabled=true")
	class WithSpringProblemDetails extends HostIntegrationTest {

		@Test
		void theStartersRefusalsKeepTheirCodeAndTheHostsAreProblemsToo() throws IOException {
			assertRawProblem(RawHttp.send(this.port, "GET /wx/login HTTP/1.1"), 405, "method_not_allowed");
			String token = accessToken("openid-problem-details");
			assertRawProblem(RawHttp.send(this.port, "GET /wx/nothing-here HTTP/1.1", "Authorization: Bearer " + token),
					404, "not_found");
			RawHttp.Response hostError = RawHttp.send(this.port, "DELETE /api/hello HTTP/1.1",
					"Authorization: Bearer " + token);
			assertThat(hostError.status()).isEqualTo(405);
			assertThat(hostError.header("Content-Type")).isEqualTo("application/problem+json");
		}

	}

	@ParameterizedTest
	@ValueSource(strings = { "GET /wx/login", "PUT /wx/login", "DELETE /wx/token/refresh", "POST /wx/jwks.json" })
	void aWrongMethodOnAnOpenEndpointIsMethodNotAllowed(String request) throws IOException {
		RawHttp.Response response = send(request + " HTTP/1.1", "Content-Length: 0");
		assertRawProblem(response, 405, "method_not_allowed");
		assertThat(response.header("Allow")).isNotBlank();
	}

	/** Tomcat refuses TRACE itself, before any filter runs, and Spring Boot's error page would answer it. */
	@ParameterizedTest
	@ValueSource(strings = { "TRACE /wx/login", "TRACE /wx/me", "TRACE /wx/jwks.json" })
	void traceOnAStarterPathIsMethodNotAllowed(String request) throws IOException {
		assertRawProblem(send(request + " HTTP/1.1"), 405, "method_not_allowed");
	}

	@Test
	void traceOnTheHostsOwnPathIsLeftToTheHost() throws IOException {
		RawHttp.Response response = send("TRACE /api/hello HTTP/1.1");
		// Tomcat's 405, or Spring Security's firewall refusing the method on the way to the error page
		assertThat(response.status()).isIn(400, 405);
		assertThat(response.body()).doesNotContain("\"code\":\"method_not_allowed\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUT /wx/me", "GET /wx/phone", "POST /wx/profile" })
	void aWrongMethodOnAGuardedEndpointIsMethodNotAllowedForTheCallerAndUnauthorizedForAnyoneElse(String request)
			throws IOException {
		String token = accessToken("openid-wrong-method");
		assertRawProblem(send(request + " HTTP/1.1", "Content-Length: 0", "Authorization: Bearer " + token), 405,
				"method_not_allowed");
		assertRawProblem(send(request + " HTTP/1.1", "Content-Length: 0"), 401, "unauthorized");
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST /wx//login", "POST /wx/login;jsessionid=x", "GET /wx/../api/hello",
			"GET /wx/%2e%2e/api/hello", "GET /api//hello" })
	void aRequestTheFirewallRejectsIsAnInvalidRequest(String request) throws IOException {
		assertRawProblem(send(request + " HTTP/1.1", "Content-Length: 0"), 400, "invalid_request");
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST /wx/login%00", "POST /wx/login%2f", "GET /api/hello%00", "GET /wx/me%2F" })
	void aRequestTomcatRejectsIsAnInvalidRequest(String request) throws IOException {
		assertRawProblem(send(request + " HTTP/1.1", "Content-Length: 0"), 400, "invalid_request");
	}

	@Test
	void everyWriterUsesOneContentType() throws IOException {
		// Spring MVC's ProblemDetail from the endpoints' exception handler
		assertRawProblem(RawHttp.sendWithBody(this.port, "POST /wx/login HTTP/1.1", "{}", "Content-Type: application/json"),
				400, "invalid_request");
		// the body filter
		assertRawProblem(RawHttp.sendWithBody(this.port, "POST /wx/login HTTP/1.1", "code", "Content-Type: text/plain"),
				415, "invalid_request");
		assertRawProblem(RawHttp.sendWithBody(this.port, "POST /wx/login HTTP/1.1", "{\"code\":\"" + "x".repeat(20_000)
				+ "\"}", "Content-Type: application/json"), 413, "invalid_request");
		// the security chain's entry point
		assertRawProblem(send("GET /api/hello HTTP/1.1", "Authorization: Bearer not-a-token"), 401, "unauthorized");
	}

	@Test
	void anUnknownPathUnderTheBasePathIsNotFoundForTheCallerAndUnauthorizedForAnyoneElse() throws IOException {
		String token = accessToken("openid-unknown-path");
		assertRawProblem(send("GET /wx/nothing-here HTTP/1.1", "Authorization: Bearer " + token), 404, "not_found");
		assertRawProblem(send("POST /wx/login/nothing HTTP/1.1", "Content-Length: 0", "Authorization: Bearer " + token),
				404, "not_found");
		assertRawProblem(send("GET /wx/nothing-here HTTP/1.1"), 401, "unauthorized");
	}

}
