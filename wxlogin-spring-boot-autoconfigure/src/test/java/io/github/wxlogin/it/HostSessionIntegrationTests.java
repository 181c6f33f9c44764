package io.github.wxlogin.it;

import java.util.Map;

import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.session.WxLoginSession;
import io.github.wxlogin.session.WxLoginSessionService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host's own code ends a user's sessions, as a ban or a password change does: the devices' refresh
 * tokens and access tokens are refused at once.
 */
class HostSessionIntegrationTests extends HostIntegrationTest {

	@Autowired
	WxLoginSessionService sessions;

	private Reply refresh(Reply login) {
		return this.client.post("/wx/token/refresh", Map.of("refreshToken", login.text("refreshToken")));
	}

	private static String userId(Reply login) {
		return login.json().path("user").path("id").asString();
	}

	@Test
	void eachLoginIsASessionOfItsMiniProgram() {
		Reply phone = login("openid-sessions-1");
		Reply tablet = login("openid-sessions-1");
		assertThat(this.sessions.sessions(userId(phone))).hasSize(2)
			.allSatisfy((session) -> assertThat(session.appid()).isEqualTo(this.fake.appid()));
		assertThat(userId(tablet)).isEqualTo(userId(phone));
	}

	@Test
	void hostEndingOneSessionRefusesThatDevicesTokensOnly() {
		Reply phone = login("openid-sessions-2");
		this.client.get("/api/hello", phone.text("accessToken"));
		Reply tablet = login("openid-sessions-2");
		WxLoginSession older = this.sessions.sessions(userId(phone)).get(1);
		assertThat(this.sessions.endSession(userId(phone), older.id())).isPresent();
		assertProblem(this.client.get("/api/hello", phone.text("accessToken")), 401, "unauthorized");
		assertProblem(refresh(phone), 401, "invalid_refresh_token");
		assertThat(this.client.get("/api/hello", tablet.text("accessToken")).status().value()).isEqualTo(200);
		assertThat(refresh(tablet).status().value()).isEqualTo(200);
	}

	@Test
	void hostEndingAllSessionsRefusesEveryDevicesTokens() {
		Reply phone = login("openid-sessions-3");
		Reply tablet = login("openid-sessions-3");
		Reply someoneElse = login("openid-sessions-4");
		this.client.get("/api/hello", phone.text("accessToken"));
		assertThat(this.sessions.endSessions(userId(phone))).hasSize(2);
		for (Reply device : new Reply[] { phone, tablet }) {
			assertProblem(this.client.get("/api/hello", device.text("accessToken")), 401, "unauthorized");
			assertProblem(refresh(device), 401, "invalid_refresh_token");
		}
		assertThat(this.client.get("/api/hello", someoneElse.text("accessToken")).status().value()).isEqualTo(200);
		Reply again = login("openid-sessions-3");
		assertThat(this.client.get("/api/hello", again.text("accessToken")).status().value()).isEqualTo(200);
	}

}
