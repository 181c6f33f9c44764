package io.github.wxlogin.it;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another service of the same back end, a stock Spring Boot resource server configured with properties
 * alone, takes the login's access tokens through the published JWK set, as docs/security.md shows.
 */
class OtherServiceIntegrationTests extends HostIntegrationTest {

	@Test
	void aStockResourceServerTakesTheTokensThroughTheJwkSet() {
		String token = accessToken("openid-other-service");
		try (ConfigurableApplicationContext otherService = new SpringApplicationBuilder(OtherService.class).properties(
				"server.port=0", "wx.login.enabled=false",
				"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:" + this.port + "/wx/jwks.json",
				"spring.security.oauth2.resourceserver.jwt.jws-algorithms=ES256",
				"spring.security.oauth2.resourceserver.jwt.audiences=" + this.fake.appid())
			.run()) {
			WxLoginClient client = new WxLoginClient(
					Integer.parseInt(otherService.getEnvironment().getProperty("local.server.port")));
			WxLoginClient.Reply hello = client.get("/orders", token);
			assertThat(hello.status().value()).as(hello.body()).isEqualTo(200);
			assertThat(hello.text("openid")).isEqualTo("openid-other-service");
			assertThat(client.get("/orders", null).status().value()).isEqualTo(401);
			assertThat(client.get("/orders", token.substring(0, token.length() - 4) + "AAAA").status().value())
				.isEqualTo(401);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Orders.class)
	static class OtherService {

	}

	@RestController
	static class Orders {

		@GetMapping("/orders")
		Map<String, Object> orders(@AuthenticationPrincipal Jwt jwt) {
			return Map.of("openid", jwt.getClaimAsString("openid"));
		}

	}

}
