package io.github.wxlogin.it;

import java.util.Map;

import io.github.wxlogin.it.WxLoginClient.Reply;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One device at a time ({@code wx.login.sessions.max-per-account=1}): a login ends the account's older
 * session.
 */
@TestPropertySource(properties = "wx.login.sessions.max-per-account=1")
class SessionLimitIntegrationTests extends HostIntegrationTest {

	@Test
	void newLoginEndsTheOlderDevicesSession() {
		Reply phone = login("openid-one-device");
		assertThat(this.client.get("/api/hello", phone.text("accessToken")).status().value()).isEqualTo(200);
		Reply tablet = login("openid-one-device");
		Reply refused = this.client.get("/api/hello", phone.text("accessToken"));
		assertProblem(refused, 401, "unauthorized");
		assertThat(refused.text("reason")).isEqualTo("session_replaced");
		Reply refusedRefresh = this.client.post("/wx/token/refresh", Map.of("refreshToken", phone.text("refreshToken")));
		assertProblem(refusedRefresh, 401, "invalid_refresh_token");
		assertThat(refusedRefresh.text("reason")).isEqualTo("session_replaced");
		assertThat(this.client.get("/api/hello", tablet.text("accessToken")).status().value()).isEqualTo(200);
		Reply refreshed = this.client.post("/wx/token/refresh", Map.of("refreshToken", tablet.text("refreshToken")));
		assertThat(refreshed.status().value()).isEqualTo(200);
	}

	@Test
	void otherAccountsKeepTheirSessions() {
		Reply alice = login("openid-one-device-alice");
		login("openid-one-device-bob");
		assertThat(this.client.get("/api/hello", alice.text("accessToken")).status().value()).isEqualTo(200);
	}

}
