package io.github.wxlogin.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wxlogin.WxAccountStore;
import io.github.wxlogin.event.WxLoginAuditEvent;
import io.github.wxlogin.event.WxLoginAuditEvent.Action;
import io.github.wxlogin.event.WxNewUserEvent;
import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.login.WxAccountManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sign-in action is published once as a {@link WxLoginAuditEvent}, with who, where and which
 * session, and never a token, a code or a whole openid.
 */
@Import(AuditEventsIntegrationTests.Recording.class)
class AuditEventsIntegrationTests extends HostIntegrationTest {

	@Autowired
	Recorder recorder;

	@Autowired
	WxAccountManager accounts;

	@BeforeEach
	void forget() {
		this.recorder.clear();
	}

	private List<WxLoginAuditEvent> events(Action action) {
		return this.recorder.events.stream().filter((event) -> event.action() == action).toList();
	}

	@Test
	void loginRefreshAndLogoutArePublishedOnceEach() {
		Reply login = login("openid-audit-long-1");
		String userId = login.json().path("user").path("id").asString();
		Reply refreshed = this.client.post("/wx/token/refresh", Map.of("refreshToken", login.text("refreshToken")));
		this.client.post("/wx/logout", refreshed.text("accessToken"),
				Map.of("refreshToken", refreshed.text("refreshToken")));

		assertThat(events(Action.LOGIN)).singleElement().satisfies((event) -> {
			assertThat(event.succeeded()).isTrue();
			assertThat(event.accountId()).isEqualTo(userId);
			assertThat(event.appid()).isEqualTo(this.fake.appid());
			assertThat(event.openid()).isEqualTo("open****ng-1");
			assertThat(event.ip()).isEqualTo("127.0.0.1");
			assertThat(event.sessionId()).isNotBlank();
		});
		String sessionId = events(Action.LOGIN).get(0).sessionId();
		assertThat(events(Action.REFRESH)).singleElement()
			.satisfies((event) -> assertThat(event.sessionId()).isEqualTo(sessionId));
		assertThat(events(Action.LOGOUT)).singleElement().satisfies((event) -> {
			assertThat(event.accountId()).isEqualTo(userId);
			assertThat(event.sessionId()).isEqualTo(sessionId);
		});
		assertThat(events(Action.SESSION_ENDED)).singleElement()
			.satisfies((event) -> assertThat(event.sessionId()).isEqualTo(sessionId));
		assertThat(this.recorder.events.toString()).doesNotContain(login.text("refreshToken"))
			.doesNotContain(login.text("accessToken"))
			.doesNotContain("openid-audit-long-1");
	}

	@Test
	void refusalsArePublishedWithTheirReason() {
		assertProblem(this.client.post("/wx/login", Map.of("code", "never-issued")), 401, "invalid_code");
		assertProblem(this.client.post("/wx/token/refresh", Map.of("refreshToken", "unknown")), 401,
				"invalid_refresh_token");
		assertThat(events(Action.LOGIN)).singleElement()
			.satisfies((event) -> assertThat(event.outcome()).isEqualTo("invalid_code"));
		assertThat(events(Action.REFRESH)).singleElement()
			.satisfies((event) -> assertThat(event.outcome()).isEqualTo("invalid_refresh_token"));
	}

	@Test
	void phoneLoginReuseAndDisablingArePublished() {
		Reply login = this.client.post("/wx/login/phone",
				this.fake.issuePhoneLoginCodes("openid-audit-2", "13800138201"));
		String userId = login.json().path("user").path("id").asString();
		Reply refreshed = this.client.post("/wx/token/refresh", Map.of("refreshToken", login.text("refreshToken")));
		assertThat(refreshed.status().value()).isEqualTo(200);
		// the successor spent: the first token presented again is a reuse, not a lost reply's retry
		this.client.post("/wx/token/refresh", Map.of("refreshToken", refreshed.text("refreshToken")));
		this.client.post("/wx/token/refresh", Map.of("refreshToken", login.text("refreshToken")));
		assertThat(events(Action.PHONE_LOGIN)).singleElement()
			.satisfies((event) -> assertThat(event.accountId()).isEqualTo(userId));
		assertThat(events(Action.REFRESH_REUSE_DETECTED)).singleElement()
			.satisfies((event) -> assertThat(event.accountId()).isEqualTo(userId));

		login("openid-audit-2");
		this.recorder.clear();
		this.accounts.disable(userId);
		assertThat(events(Action.ACCOUNT_DISABLED)).singleElement()
			.satisfies((event) -> assertThat(event.accountId()).isEqualTo(userId));
		assertThat(events(Action.SESSION_ENDED)).singleElement()
			.satisfies((event) -> assertThat(event.reason()).isEqualTo("account_disabled"));
		assertProblem(this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode("openid-audit-2"))), 403,
				"account_disabled");
		assertThat(events(Action.LOGIN)).singleElement()
			.satisfies((event) -> assertThat(event.outcome()).isEqualTo("account_disabled"));
	}

	/**
	 * A host's listener of the login events, which also notes whether a new user's account was stored when
	 * its event came.
	 */
	static class Recorder {

		final List<WxLoginAuditEvent> events = new CopyOnWriteArrayList<>();

		final List<WxNewUserEvent> newUsers = new CopyOnWriteArrayList<>();

		final List<Boolean> storedWhenPublished = new CopyOnWriteArrayList<>();

		private final WxAccountStore accounts;

		Recorder(WxAccountStore accounts) {
			this.accounts = accounts;
		}

		@EventListener
		void record(WxLoginAuditEvent event) {
			this.events.add(event);
		}

		@EventListener
		void record(WxNewUserEvent event) {
			this.newUsers.add(event);
			this.storedWhenPublished.add(this.accounts.findAccount(event.accountId()).isPresent());
		}

		void clear() {
			this.events.clear();
			this.newUsers.clear();
			this.storedWhenPublished.clear();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Recording {

		@Bean
		Recorder auditRecorder(WxAccountStore accounts) {
			return new Recorder(accounts);
		}

	}

}
