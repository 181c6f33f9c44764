package io.github.wxlogin.it;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.login.WxAccountManager;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.session.WxSessionEndReason;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client is told why its token stopped working: every 401 for a token that was valid once and every
 * refused refresh carries a {@code reason} next to {@code code}; a disabled account's 403 carries the
 * ban's end and reason.
 */
class LogoutReasonIntegrationTests extends HostIntegrationTest {

	@Autowired
	WxAccountManager accounts;

	@Autowired
	WxLoginSessionService sessions;

	private Reply refresh(Reply login) {
		return this.client.post("/wx/token/refresh", Map.of("refreshToken", login.text("refreshToken")));
	}

	private Reply hello(Reply login) {
		return this.client.get("/api/hello", login.text("accessToken"));
	}

	private static String userId(Reply login) {
		return login.json().path("user").path("id").asString();
	}

	private static void assertEndedFor(Reply reply, int status, String code, String reason) {
		assertProblem(reply, status, code);
		assertThat(reply.text("reason")).as(reply.body()).isEqualTo(reason);
	}

	private void assertSessionEndedFor(Reply login, String reason) {
		assertEndedFor(hello(login), 401, "unauthorized", reason);
		assertEndedFor(refresh(login), 401, "invalid_refresh_token", reason);
	}

	@Test
	void aLogoutEndsTheSessionByItsUser() {
		Reply login = login("openid-reason-1");
		this.client.post("/wx/logout", login.text("accessToken"), Map.of("refreshToken", login.text("refreshToken")));
		assertSessionEndedFor(login, "session_ended");
	}

	@Test
	void aLogoutEverywhereEndsTheOtherDevicesByTheirUser() {
		Reply phone = login("openid-reason-2");
		Reply tablet = login("openid-reason-2");
		this.client.post("/wx/logout", phone.text("accessToken"), Map.of("all", true));
		assertSessionEndedFor(tablet, "session_ended");
	}

	@Test
	void aSessionEndedFromAnotherDeviceIsEndedByItsUser() {
		Reply phone = login("openid-reason-3");
		Reply tablet = login("openid-reason-3");
		String tabletSession = null;
		for (JsonNode session : this.client.get("/wx/sessions", tablet.text("accessToken")).json()) {
			if (session.path("current").asBoolean()) {
				tabletSession = session.path("id").asString();
			}
		}
		this.client.delete("/wx/sessions/" + tabletSession, phone.text("accessToken"));
		assertThat(hello(phone).status().value()).isEqualTo(200);
		assertSessionEndedFor(tablet, "session_ended");
	}

	@Test
	void sessionsTheHostEndsAreRevoked() {
		Reply login = login("openid-reason-4");
		assertThat(this.sessions.endSessions(userId(login))).hasSize(1);
		assertSessionEndedFor(login, "session_revoked");
	}

	@Test
	void sessionsEndedWithADeletedAccountSaySo() {
		Reply login = login("openid-reason-5");
		this.sessions.endSessions(userId(login), WxSessionEndReason.ACCOUNT_DELETED);
		assertSessionEndedFor(login, "account_deleted");
	}

	@Test
	void aSpentRefreshTokenPresentedAgainEndsTheSessionAsReuse() {
		Reply login = login("openid-reason-6");
		Reply refreshed = refresh(login);
		refresh(refreshed);
		assertEndedFor(refresh(login), 401, "invalid_refresh_token", "reuse_detected");
	}

	@Test
	void aTimedBanShowsItsEndAndReasonAndEndsTheSessions() {
		Reply login = login("openid-reason-7");
		Instant until = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
		this.accounts.disable(userId(login), until, "spam");
		assertSessionEndedFor(login, "account_disabled");
		Reply again = this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode("openid-reason-7")));
		assertEndedFor(again, 403, "account_disabled", "account_disabled");
		assertThat(Instant.parse(again.text("until"))).isEqualTo(until);
		assertThat(again.text("banReason")).isEqualTo("spam");
		this.accounts.enable(userId(login));
		login("openid-reason-7");
	}

	@Test
	void aBanWithoutEndOrReasonShowsNeither() {
		Reply login = login("openid-reason-8");
		this.accounts.disable(userId(login));
		Reply again = this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode("openid-reason-8")));
		assertProblem(again, 403, "account_disabled");
		assertThat(again.json().has("until")).isFalse();
		assertThat(again.json().has("banReason")).isFalse();
	}

	@Test
	void aTokenThatWasNeverValidHasNoReasonAndAnUnknownRefreshTokenReadsAsExpired() {
		Reply garbage = this.client.get("/api/hello", "not.a.token");
		assertProblem(garbage, 401, "unauthorized");
		assertThat(garbage.json().has("reason")).isFalse();
		assertEndedFor(this.client.post("/wx/token/refresh", Map.of("refreshToken", "not-a-token")), 401,
				"invalid_refresh_token", "expired");
	}

}
