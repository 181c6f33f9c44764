package io.github.wxlogin.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wxlogin.WxAccountStore;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.clock.SettableClock;
import io.github.wxlogin.event.WxAccountDeletedEvent;
import io.github.wxlogin.event.WxAccountMergedEvent;
import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.login.WxAccountManager;
import io.github.wxlogin.login.WxAccountPurger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The account lifecycle over HTTP against the fake WeChat server: {@code DELETE /wx/me}, the grace
 * period in which a login restores the account, the purge after it, and a phone conflict that ends in a
 * merge ({@code wx.login.accounts.phone-conflict=merge}). The starter's clock is one the test moves on;
 * the purge runs when the test says so.
 */
@Import(AccountLifecycleIntegrationTests.LifecycleTestConfiguration.class)
@TestPropertySource(properties = { "wx.login.accounts.phone-conflict=merge", "wx.login.accounts.purge-interval=1h" })
class AccountLifecycleIntegrationTests extends HostIntegrationTest {

	@Autowired
	SettableClock clock;

	@Autowired
	WxAccountPurger purger;

	@Autowired
	WxAccountManager accounts;

	@Autowired
	WxAccountStore store;

	@Autowired
	LifecycleEvents events;

	@BeforeEach
	void forgetEvents() {
		this.events.received.clear();
		this.events.failNext = false;
	}

	private static String userId(Reply reply) {
		return reply.json().path("user").path("id").asString();
	}

	private Reply refresh(String refreshToken) {
		return this.client.post("/wx/token/refresh", Map.of("refreshToken", refreshToken));
	}

	private Reply delete(String accessToken) {
		return this.client.delete("/wx/me", accessToken);
	}

	private void passGracePeriod() {
		this.clock.advance(Duration.ofDays(7).plusSeconds(1));
	}

	@Test
	void deletionEndsEverySessionAtOnceAndTheNextSilentLoginRestoresTheAccount() {
		Reply phone = login("openid-del-1");
		Reply tablet = login("openid-del-1");
		Instant asked = this.clock.instant();

		Reply deleted = delete(phone.text("accessToken"));

		assertThat(deleted.status().value()).as(deleted.body()).isEqualTo(202);
		assertThat(Instant.parse(deleted.text("deletionScheduledAt"))).isEqualTo(asked.plus(Duration.ofDays(7)));
		assertProblem(this.client.get("/api/hello", phone.text("accessToken")), 401, "unauthorized");
		assertProblem(this.client.get("/api/hello", tablet.text("accessToken")), 401, "unauthorized");
		assertProblem(this.client.get("/wx/me", tablet.text("accessToken")), 401, "unauthorized");
		assertProblem(refresh(tablet.text("refreshToken")), 401, "invalid_refresh_token");
		Reply again = login("openid-del-1");
		assertThat(again.json().path("restored").asBoolean()).isTrue();
		assertThat(again.json().path("newUser").asBoolean()).isFalse();
		assertThat(userId(again)).isEqualTo(userId(phone));
		assertThat(login("openid-del-1").json().path("restored").asBoolean()).isFalse();
		passGracePeriod();
		this.purger.purgeDue();
		assertThat(this.store.findAccount(userId(phone))).isPresent();
		assertThat(this.events.received).isEmpty();
	}

	@Test
	void afterTheGracePeriodTheAccountIsPurgedAndItsWeChatUserAndPhoneMakeANewOne() {
		Reply first = this.client.post("/wx/login/phone", this.fake.issuePhoneLoginCodes("openid-del-2", "13800139201"));
		assertThat(first.status().value()).as(first.body()).isEqualTo(200);
		String deletedId = userId(first);
		assertThat(delete(first.text("accessToken")).status().value()).isEqualTo(202);

		passGracePeriod();
		assertThat(this.purger.purgeDue()).isPositive();

		assertThat(this.events.received).containsExactly(new WxAccountDeletedEvent(deletedId));
		assertThat(this.store.findAccount(deletedId)).isEmpty();
		assertThat(this.accounts.findByPhone("13800139201")).isEmpty();
		Reply again = login("openid-del-2");
		assertThat(again.json().path("newUser").asBoolean()).isTrue();
		assertThat(again.json().path("restored").asBoolean()).isFalse();
		assertThat(userId(again)).isNotEqualTo(deletedId);
		Reply phoneAgain = this.client.post("/wx/login/phone",
				this.fake.issuePhoneLoginCodes("openid-del-2b", "13800139201"));
		assertThat(phoneAgain.json().path("newUser").asBoolean()).isTrue();
		// purged once: the next run has nothing to do
		assertThat(this.purger.purgeDue()).isZero();
	}

	@Test
	void aPhoneLoginDuringTheGracePeriodRestoresTheAccountToo() {
		Reply first = this.client.post("/wx/login/phone", this.fake.issuePhoneLoginCodes("openid-del-3", "13800139202"));
		assertThat(delete(first.text("accessToken")).status().value()).isEqualTo(202);

		Reply again = this.client.post("/wx/login/phone",
				this.fake.issuePhoneLoginCodes("openid-del-3", "13800139202"));

		assertThat(again.status().value()).as(again.body()).isEqualTo(200);
		assertThat(again.json().path("restored").asBoolean()).isTrue();
		assertThat(userId(again)).isEqualTo(userId(first));
	}

	@Test
	void theHostDeletesAnAccountAtOnceOrCancelsADeletion() {
		Reply cancelled = login("openid-del-4");
		assertThat(delete(cancelled.text("accessToken")).status().value()).isEqualTo(202);
		assertThat(this.accounts.deletionScheduledAt(userId(cancelled))).isPresent();
		assertThat(this.accounts.cancelDeletion(userId(cancelled))).isTrue();
		assertThat(login("openid-del-4").json().path("restored").asBoolean()).isFalse();

		Reply deleted = login("openid-del-5");
		this.accounts.delete(userId(deleted));

		assertProblem(this.client.get("/api/hello", deleted.text("accessToken")), 401, "unauthorized");
		assertThat(this.events.received).containsExactly(new WxAccountDeletedEvent(userId(deleted)));
		assertThat(login("openid-del-5").json().path("newUser").asBoolean()).isTrue();
	}

	@Test
	void aPurgeInterruptedBeforeItsEndIsFinishedByTheNextRun() {
		Reply user = login("openid-del-6");
		this.events.failNext = true;

		assertThatIllegalStateException().isThrownBy(() -> this.accounts.delete(userId(user)));

		// the account's rows are gone already; the host was not told yet
		assertThat(this.store.findAccount(userId(user))).isEmpty();
		assertThat(this.purger.purgeDue()).isPositive();
		assertThat(this.events.received).containsExactly(new WxAccountDeletedEvent(userId(user)));
		assertThat(this.purger.purgeDue()).isZero();
	}

	@Test
	void aPhoneConflictOffersAMergeThatMovesTheCallerIntoThePhonesAccount() {
		String owner = this.accounts.createAccount(new WxPhone("13800139203", "13800139203", "86")).id();
		Reply silent = login("openid-merge-1");
		Reply conflict = this.client.post("/wx/login/phone",
				this.fake.issuePhoneLoginCodes("openid-merge-1", "13800139203"));
		assertProblem(conflict, 409, "identity_conflict");
		assertThat(conflict.json().path("mergeable").asBoolean()).isTrue();

		Reply merged = this.client.post("/wx/me/merge", silent.text("accessToken"),
				Map.of("code", this.fake.issuePhoneCode("13800139203", "openid-merge-1")));

		assertThat(merged.status().value()).as(merged.body()).isEqualTo(200);
		assertThat(userId(merged)).isEqualTo(owner);
		assertThat(merged.json().path("user").path("openid").asString()).isEqualTo("openid-merge-1");
		assertThat(merged.json().path("phoneBound").asBoolean()).isTrue();
		assertThat(this.events.received).containsExactly(new WxAccountMergedEvent(userId(silent), owner));
		assertProblem(this.client.get("/api/hello", silent.text("accessToken")), 401, "unauthorized");
		assertProblem(refresh(silent.text("refreshToken")), 401, "invalid_refresh_token");
		assertThat(this.client.get("/api/hello", merged.text("accessToken")).status().value()).isEqualTo(200);
		assertThat(userId(login("openid-merge-1"))).isEqualTo(owner);
		assertThat(this.store.findAccount(userId(silent))).isEmpty();
	}

	@Test
	void aMergeOfAnAccountWithAPhoneOfItsOwnIsRefusedAndChangesNothing() {
		Reply owner = this.client.post("/wx/login/phone",
				this.fake.issuePhoneLoginCodes("openid-merge-2", "13800139204"));
		Reply silent = this.client.post("/wx/login/phone",
				this.fake.issuePhoneLoginCodes("openid-merge-3", "13800139206"));

		Reply refused = this.client.post("/wx/me/merge", silent.text("accessToken"),
				Map.of("code", this.fake.issuePhoneCode("13800139204", "openid-merge-3")));

		assertProblem(refused, 409, "merge_conflict");
		assertThat(this.client.get("/api/hello", silent.text("accessToken")).status().value()).isEqualTo(200);
		assertThat(this.store.identities(userId(owner))).hasSize(1);
		assertThat(this.events.received).isEmpty();
	}

	@Test
	void aMergeWithAPhoneNobodyOwnsBindsItToTheCaller() {
		Reply silent = login("openid-merge-4");

		Reply bound = this.client.post("/wx/me/merge", silent.text("accessToken"),
				Map.of("code", this.fake.issuePhoneCode("13800139205", "openid-merge-4")));

		assertThat(bound.status().value()).as(bound.body()).isEqualTo(200);
		assertThat(userId(bound)).isEqualTo(userId(silent));
		assertThat(bound.json().path("phoneBound").asBoolean()).isTrue();
		assertThat(this.events.received).isEmpty();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class LifecycleTestConfiguration {

		@Bean
		SettableClock clock() {
			// Today, so that the access tokens it dates are valid for the decoder too
			return new SettableClock(Instant.now());
		}

		@Bean
		LifecycleEvents lifecycleEvents() {
			return new LifecycleEvents();
		}

	}

	/** The deletions and merges the host is told of. */
	static class LifecycleEvents {

		final List<Object> received = new CopyOnWriteArrayList<>();

		/** Whether the next deletion fails in the host's listener, as a purge interrupted there. */
		volatile boolean failNext;

		@EventListener
		void deleted(WxAccountDeletedEvent event) {
			if (this.failNext) {
				this.failNext = false;
				throw new IllegalStateException("The host's own purge failed (test)");
			}
			this.received.add(event);
		}

		@EventListener
		void merged(WxAccountMergedEvent event) {
			this.received.add(event);
		}

	}

}
