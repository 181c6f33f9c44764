package io.github.wxlogin.it;

import java.time.Clock;
import java.util.Map;

import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.test.AutoConfigureFakeWeChat;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.user.InMemoryWxUserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host whose own user service fails in a way nobody planned for: the login endpoints answer a
 * {@code problem+json} 500 {@code internal_error}, never Spring Boot's error page, and log the failure
 * once, without the code.
 */
@SpringBootTest(classes = { HostApplication.class, UnexpectedFailureIntegrationTests.BrokenUsers.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "wx.login.rate-limit.enabled=false", "wx.login.store.type=memory",
				"wx.login.user-store.type=memory" })
@AutoConfigureFakeWeChat
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedFailureIntegrationTests {

	@Autowired
	FakeWeChatServer fake;

	@LocalServerPort
	int port;

	@Test
	void unexpectedFailureIsA500ProblemLoggedOnceWithoutTheCode(CapturedOutput output) {
		String code = this.fake.issueLoginCode("openid-unexpected");
		Reply reply = new WxLoginClient(this.port).post("/wx/login", Map.of("code", code));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(500);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.code()).isEqualTo("internal_error");
		assertThat(reply.body()).doesNotContain("user directory").doesNotContain("Exception").doesNotContain(code);
		assertThat(output.getOut().split("\n")).filteredOn((line) -> line.contains(" ERROR ")).hasSize(1);
		assertThat(output.getOut()).contains("user directory is offline").doesNotContain(code);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class BrokenUsers {

		@Bean
		WxUserService brokenUserService() {
			return new InMemoryWxUserService(Clock.systemUTC()) {

				@Override
				public WxUserLogin findOrCreate(WxIdentity identity) {
					throw new IllegalStateException("The user directory is offline");
				}

			};
		}

	}

}
