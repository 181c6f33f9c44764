package io.github.wxlogin.authserver;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The WeChat grants applied after the authorization server's configurer, which has then taken the
 * starter's encoder: start-up fails and says what to change, rather than tokens signed with keys the
 * server does not publish.
 */
class GrantsAfterTheServerTests {

	@Test
	void grantsAppliedAfterTheServerFailStartUpWithTheFix() {
		SpringApplicationBuilder application = new SpringApplicationBuilder(LateGrantsApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "wx.login.appid=wx0123456789abcdef", "wx.login.secret=secret-of-the-test",
					"spring.security.oauth2.authorizationserver.client.mini.registration.client-id=mini-program",
					"spring.security.oauth2.authorizationserver.client.mini.registration.client-secret={noop}secret",
					"spring.security.oauth2.authorizationserver.client.mini.registration.client-authentication-methods=client_secret_basic",
					"spring.security.oauth2.authorizationserver.client.mini.registration.authorization-grant-types="
							+ "urn:wxlogin:params:oauth:grant-type:wx-login");

		assertThatException().isThrownBy(application::run)
			.havingRootCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessageContaining("apply WxLoginGrantsConfigurer.wxLoginGrants() before");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(LateGrantsChain.class)
	static class LateGrantsApplication {

	}

}
