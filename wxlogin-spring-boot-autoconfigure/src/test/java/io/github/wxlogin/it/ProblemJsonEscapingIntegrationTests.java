package io.github.wxlogin.it;

import java.io.IOException;
import java.util.List;

import io.github.wxlogin.http.ProblemJsonWriter;
import io.github.wxlogin.security.WxProblemAccessDeniedHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every path that writes a {@code problem+json} outside Spring MVC writes valid JSON whatever the problem
 * holds: here each problem's detail is replaced, on its way to the application's JSON converter, by a text
 * full of quotes, backslashes and control characters.
 */
@Import(ProblemJsonEscapingIntegrationTests.HostileDetails.class)
class ProblemJsonEscapingIntegrationTests extends HostIntegrationTest {

	static final String HOSTILE = "a \"quoted\" \\back\\slash\\\", a new\nline, a tab\t, a bell \u0007, a nul \u0000, "
			+ "\u2028 and </script>";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	ProblemJsonWriter problems;

	@ParameterizedTest
	@CsvSource({
			// the security chain's entry point
			"GET /api/hello, 401, unauthorized, ",
			// Spring Security's firewall
			"POST /wx//login, 400, invalid_request, ",
			// the body filter
			"POST /wx/login, 415, invalid_request, Content-Type: text/plain",
			// Spring MVC's refusal of a wrong method, before any endpoint
			"GET /wx/login, 405, method_not_allowed, ",
			// Tomcat's own error report
			"POST /wx/login%00, 400, invalid_request, " })
	void everyWriterPathEscapesWhatTheProblemHolds(String request, int status, String code, String header)
			throws IOException {
		RawHttp.Response response = (header != null)
				? RawHttp.sendWithBody(this.port, request + " HTTP/1.1", "code", header)
				: RawHttp.send(this.port, request + " HTTP/1.1", "Content-Length: 0");
		RefusalIntegrationTests.assertRawProblem(response, status, code);
		assertHostileDetailSurvives(response.body(), code);
	}

	@Test
	void accessDeniedHandlerEscapesWhatTheProblemHolds() throws IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new WxProblemAccessDeniedHandler(this.problems).handle(new MockHttpServletRequest(), response,
				new AccessDeniedException("denied"));
		assertThat(response.getStatus()).isEqualTo(403);
		assertHostileDetailSurvives(response.getContentAsString(), "forbidden");
	}

	private static void assertHostileDetailSurvives(String body, String code) {
		JsonNode problem = json.readTree(body);
		assertThat(problem.path("detail").asString()).isEqualTo(HOSTILE);
		assertThat(problem.path("code").asString()).isEqualTo(code);
	}

	/**
	 * The application's problem writer, whose converter is handed every problem with the hostile detail.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class HostileDetails {

		/** Spring MVC is asked for its converters at the first write: Tomcat's valve needs the writer earlier. */
		@Bean
		ProblemJsonWriter hostileProblemJsonWriter(ObjectProvider<RequestMappingHandlerAdapter> mvc) {
			return new ProblemJsonWriter(
					() -> List.of(new HostileDetailConverter(mvc.getObject().getMessageConverters())));
		}

	}

	private static final class HostileDetailConverter implements HttpMessageConverter<Object> {

		private final HttpMessageConverter<Object> json;

		@SuppressWarnings("unchecked")
		HostileDetailConverter(List<HttpMessageConverter<?>> converters) {
			this.json = (HttpMessageConverter<Object>) converters.stream()
				.filter((converter) -> converter.canWrite(ProblemDetail.class, MediaType.APPLICATION_PROBLEM_JSON))
				.findFirst()
				.orElseThrow();
		}

		@Override
		public boolean canRead(Class<?> clazz, MediaType mediaType) {
			return false;
		}

		@Override
		public boolean canWrite(Class<?> clazz, MediaType mediaType) {
			return this.json.canWrite(clazz, mediaType);
		}

		@Override
		public List<MediaType> getSupportedMediaTypes() {
			return this.json.getSupportedMediaTypes();
		}

		@Override
		public Object read(Class<?> clazz, HttpInputMessage inputMessage) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void write(Object problem, MediaType contentType, HttpOutputMessage outputMessage) throws IOException {
			((ProblemDetail) problem).setDetail(HOSTILE);
			this.json.write(problem, contentType, outputMessage);
		}

	}

}
