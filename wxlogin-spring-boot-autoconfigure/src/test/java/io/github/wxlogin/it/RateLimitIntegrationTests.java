package io.github.wxlogin.it;

import java.util.Map;

import io.github.wxlogin.it.WxLoginClient.Reply;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = { "wx.login.rate-limit.enabled=true", "wx.login.rate-limit.login-per-ip=3",
		"wx.login.rate-limit.refresh-per-ip=2", "wx.login.rate-limit.phone-per-user=2",
		"wx.login.rate-limit.period=1h" })
class RateLimitIntegrationTests extends HostIntegrationTest {

	@Test
	void limitsApplyPerEndpointAndSayWhenToRetry() {
		Reply first = login("openid-limit-1");
		login("openid-limit-2");
		String token = login("openid-limit-3").text("accessToken");
		Reply refused = this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode("openid-limit-4")));
		assertProblem(refused, 429, "rate_limited");
		assertThat(Long.parseLong(refused.headers().getFirst("Retry-After"))).isPositive();

		assertThat(this.client.post("/wx/phone", token, Map.of("code", this.fake.issuePhoneCode("13800138301")))
			.status()
			.value()).isEqualTo(200);
		assertThat(this.client.post("/wx/phone", token, Map.of("code", this.fake.issuePhoneCode("13800138302")))
			.status()
			.value()).isEqualTo(200);
		assertProblem(this.client.post("/wx/phone", token, Map.of("code", this.fake.issuePhoneCode("13800138303"))),
				429, "rate_limited");

		String refreshToken = first.text("refreshToken");
		refreshToken = this.client.post("/wx/token/refresh", Map.of("refreshToken", refreshToken)).text("refreshToken");
		this.client.post("/wx/token/refresh", Map.of("refreshToken", refreshToken));
		assertProblem(this.client.post("/wx/token/refresh", Map.of("refreshToken", "any")), 429, "rate_limited");

		// Other endpoints are not limited
		assertThat(this.client.get("/wx/me", token).status().value()).isEqualTo(200);
	}

}
