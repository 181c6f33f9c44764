package io.github.wxlogin.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request header that Tomcat cannot parse is refused without its value reaching the log: a malformed
 * {@code Authorization} header carries a token.
 */
@ExtendWith(OutputCaptureExtension.class)
class TomcatLogIntegrationTests extends HostIntegrationTest {

	private static final String TOKEN = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtdXNlciJ9.c2VjcmV0LXNpZ25hdHVyZQ";

	@Test
	void aMalformedAuthorizationHeaderIsRefusedAndItsTokenIsNotLogged(CapturedOutput output) throws Exception {
		RawHttp.Response response = RawHttp.send(this.port, "GET /api/hello HTTP/1.1",
				"Authorization: Bearer " + TOKEN + "\u0001x");
		assertThat(response.status()).isEqualTo(400);
		assertThat(output).doesNotContain(TOKEN).doesNotContain("c2VjcmV0LXNpZ25hdHVyZQ");
	}

	@Test
	void tomcatsHeaderParseLineIsOffByDefault() {
		// Tomcat logs that line at INFO once, then at DEBUG for a day: the level, not one request, says it is off
		assertThat(LoggerFactory.getLogger("org.apache.coyote.http11.Http11Processor").isInfoEnabled()).isFalse();
	}

}
