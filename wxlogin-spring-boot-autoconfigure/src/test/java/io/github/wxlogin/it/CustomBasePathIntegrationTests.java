package io.github.wxlogin.it;

import java.util.Map;

import io.github.wxlogin.it.WxLoginClient.Reply;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code wx.login.endpoints.base-path} set (with a trailing slash, which is dropped), every part of
 * the starter finds the endpoints there: the mappings, the open paths of the security rules, the rate
 * limits, the body filter and the starter's 404s.
 */
@TestPropertySource(properties = { "wx.login.endpoints.base-path=/auth/", "wx.login.rate-limit.enabled=true",
		"wx.login.rate-limit.login-per-ip=2", "wx.login.rate-limit.period=1h" })
class CustomBasePathIntegrationTests extends HostIntegrationTest {

	@Test
	void theEndpointsTheirRulesAndTheirErrorsMoveToTheBasePath() {
		Reply login = this.client.post("/auth/login", Map.of("code", this.fake.issueLoginCode("openid-base-1")));
		assertThat(login.status().value()).as(login.body()).isEqualTo(200);
		String token = login.text("accessToken");
		assertThat(this.client.get("/auth/me", token).text("openid")).isEqualTo("openid-base-1");
		assertProblem(this.client.get("/auth/me", null), 401, "unauthorized");
		assertProblem(this.client.get("/auth/nothing-here", token), 404, "not_found");
		assertProblem(this.client.raw("POST", "/auth/login", null, "text/plain", "code".getBytes()), 415,
				"invalid_request");
		assertThat(this.client.get("/auth/jwks.json", null).status().value()).isEqualTo(200);
		Reply refreshed = this.client.post("/auth/token/refresh", Map.of("refreshToken", login.text("refreshToken")));
		assertThat(refreshed.status().value()).as(refreshed.body()).isEqualTo(200);

		this.client.post("/auth/login", Map.of("code", this.fake.issueLoginCode("openid-base-2")));
		assertProblem(this.client.post("/auth/login", Map.of("code", this.fake.issueLoginCode("openid-base-3"))), 429,
				"rate_limited");
		// The default base path is none of the starter's business now
		assertThat(this.client.post("/wx/login", Map.of("code", "any")).status().value()).isEqualTo(401);
	}

}
