package io.github.wxlogin.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the admin-console changes of a running {@link FakeWeChatServer}: mini programs
 * added, their AppSecrets reset, and removed, over real HTTP. Each test works on mini
 * programs of its own, since the server keeps them across tests.
 */
class AppAdministrationTests {

	@RegisterExtension
	static FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	/** Longer than any test here runs: a call held back this long is still waiting when the test ends. */
	private static final Duration HELD = Duration.ofMinutes(5);

	private final WeChatHttp http = new WeChatHttp(wechat.server());

	/** Threads of their own for the held and concurrent calls, rather than the common pool. */
	private final ExecutorService callers = Executors.newCachedThreadPool();

	@AfterEach
	void abandonCalls() {
		this.callers.shutdownNow();
	}

	@Test
	void appAddedWhileTheServerRunsIsServedAtOnce() {
		assertThat(this.http.stableToken(false).errcode()).isZero();
		assertThat(this.http.stableToken("wxadded0000000001", "secret-1", false).errcode()).isEqualTo(40013);
		wechat.server().addApp("wxadded0000000001", "secret-1");
		String code = wechat.server().issueLoginCode("wxadded0000000001", "openid-1", null);
		assertThat(this.http.code2Session("wxadded0000000001", "secret-1", code).json().get("openid").asString())
			.isEqualTo("openid-1");
		String token = this.http.accessToken("wxadded0000000001", "secret-1");
		assertThat(this.http.msgSecCheck(token, "openid-1", "你好").errcode()).isZero();
	}

	@Test
	void appAlreadyHostedIsNotAddedAgain() {
		wechat.server().addApp("wxadded0000000002", "secret-2");
		assertThatIllegalArgumentException().isThrownBy(() -> wechat.server().addApp("wxadded0000000002", "other"))
			.withMessageContaining("wxadded0000000002")
			.withMessageContaining("setSecret");
		assertThat(this.http.stableToken("wxadded0000000002", "secret-2", false).errcode()).isZero();
		assertThat(this.http.stableToken("wxadded0000000002", "other", false).errcode()).isEqualTo(40125);
		assertThatIllegalArgumentException().isThrownBy(() -> wechat.server().addApp("wxadded0000000003", " "));
	}

	@Test
	void resetSecretRefusesTheOldSecretOnBothEndpointsAndAcceptsTheNewOne() {
		wechat.server().addApp("wxreset0000000001", "old-secret");
		String code = wechat.server().issueLoginCode("wxreset0000000001", "openid-1", null);
		String newSecret = wechat.server().resetSecret("wxreset0000000001");
		assertThat(newSecret).matches("[0-9a-f]{32}");
		WeChatHttp.Reply tokenWithOldSecret = this.http.stableToken("wxreset0000000001", "old-secret", false);
		assertThat(tokenWithOldSecret.errcode()).isEqualTo(40125);
		assertThat(tokenWithOldSecret.json().get("errmsg").asString()).contains("invalid appsecret");
		WeChatHttp.Reply loginWithOldSecret = this.http.code2Session("wxreset0000000001", "old-secret", code);
		assertThat(loginWithOldSecret.errcode()).isEqualTo(40125);
		assertThat(loginWithOldSecret.json().get("errmsg").asString()).contains("invalid appsecret");
		assertThat(this.http.code2Session("wxreset0000000001", newSecret, code).json().get("openid").asString())
			.as("the code refused with the old secret is still unspent")
			.isEqualTo("openid-1");
		assertThat(this.http.stableToken("wxreset0000000001", newSecret, false).errcode()).isZero();
	}

	@Test
	void eachResetGivesANewSecretAndRefusesEveryEarlierOne() {
		wechat.server().addApp("wxreset0000000002", "first");
		String second = wechat.server().resetSecret("wxreset0000000002");
		String third = wechat.server().resetSecret("wxreset0000000002");
		assertThat(third).isNotEqualTo(second);
		assertThat(this.http.stableToken("wxreset0000000002", "first", false).errcode()).isEqualTo(40125);
		assertThat(this.http.stableToken("wxreset0000000002", second, false).errcode()).isEqualTo(40125);
		assertThat(this.http.stableToken("wxreset0000000002", third, false).errcode()).isZero();
	}

	@Test
	void accessTokensIssuedBeforeAResetStayValid() {
		wechat.server().addApp("wxreset0000000003", "old-secret");
		wechat.server().issueLoginCode("wxreset0000000003", "openid-3", null);
		String tokenBefore = this.http.accessToken("wxreset0000000003", "old-secret");
		String newSecret = wechat.server().resetSecret("wxreset0000000003");
		assertThat(this.http.msgSecCheck(tokenBefore, "openid-3", "你好").errcode()).isZero();
		assertThat(this.http.accessToken("wxreset0000000003", newSecret)).isEqualTo(tokenBefore);
	}

	@Test
	void resetOfThePrimarySecretChangesWhatSecretReturns() {
		String oldSecret = wechat.server().secret();
		String newSecret = wechat.server().resetSecret(wechat.server().appid());
		try {
			assertThat(wechat.server().secret()).isEqualTo(newSecret);
			assertThat(this.http.stableToken(wechat.server().appid(), oldSecret, false).errcode()).isEqualTo(40125);
			assertThat(this.http.stableToken(false).errcode()).isZero();
		}
		finally {
			// the server outlives this test: the others use the primary secret the class started with
			wechat.server().setSecret(wechat.server().appid(), oldSecret);
		}
	}

	@Test
	void chosenSecretReplacesTheOldOne() {
		wechat.server().addApp("wxreset0000000004", "old-secret");
		wechat.server().setSecret("wxreset0000000004", "chosen-secret");
		assertThat(this.http.stableToken("wxreset0000000004", "old-secret", false).errcode()).isEqualTo(40125);
		String code = wechat.server().issueLoginCode("wxreset0000000004", "openid-4", null);
		assertThat(this.http.code2Session("wxreset0000000004", "old-secret", code).errcode()).isEqualTo(40125);
		assertThat(this.http.code2Session("wxreset0000000004", "chosen-secret", code).errcode()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> wechat.server().setSecret("wxreset0000000004", ""));
		assertThat(this.http.stableToken("wxreset0000000004", "chosen-secret", false).errcode()).isZero();
	}

	@Test
	void secretOfAnAppNotHostedCannotBeChanged() {
		assertThatIllegalArgumentException().isThrownBy(() -> wechat.server().resetSecret("wxunknown0000000"))
			.withMessageContaining("wxunknown0000000");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> wechat.server().setSecret("wxunknown0000000", "secret"));
	}

	@Test
	void removedAppGetsInvalidAppidWhateverItsSecret() {
		wechat.server().addApp("wxremove000000001", "secret-1");
		String code = wechat.server().issueLoginCode("wxremove000000001", "openid-1", null);
		wechat.server().removeApp("wxremove000000001");
		WeChatHttp.Reply token = this.http.stableToken("wxremove000000001", "secret-1", false);
		assertThat(token.errcode()).isEqualTo(40013);
		assertThat(token.json().get("errmsg").asString()).contains("invalid appid");
		assertThat(this.http.code2Session("wxremove000000001", "secret-1", code).errcode()).isEqualTo(40013);
		assertThat(this.http.code2Session("wxremove000000001", "wrong", code).errcode()).isEqualTo(40013);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> wechat.server().issueLoginCode("wxremove000000001", "openid-1", null));
	}

	@Test
	void accessTokensOfARemovedAppAreRefused() {
		wechat.server().addApp("wxremove000000002", "secret-2");
		wechat.server().issueLoginCode("wxremove000000002", "openid-2", null);
		String token = this.http.accessToken("wxremove000000002", "secret-2");
		wechat.server().removeApp("wxremove000000002");
		assertThat(this.http.msgSecCheck(token, "openid-2", "你好").errcode()).isEqualTo(40001);
		assertThat(this.http.stableToken("wxremove000000002", "secret-2", false).errcode()).isEqualTo(40013);
	}

	@Test
	void removingAnAppLeavesTheOthersServed() {
		wechat.server().addApp("wxremove000000003", "secret-3");
		wechat.server().addApp("wxremove000000004", "secret-4");
		wechat.server().removeApp("wxremove000000003");
		assertThat(this.http.stableToken("wxremove000000004", "secret-4", false).errcode()).isZero();
		assertThat(this.http.stableToken(false).errcode()).isZero();
	}

	@Test
	void appAddedAgainAfterRemovalStartsAfresh() {
		wechat.server().addApp("wxremove000000005", "secret-5");
		String codeBefore = wechat.server().issueLoginCode("wxremove000000005", "openid-5", null);
		String phoneCodeBefore = wechat.server().issuePhoneCode("wxremove000000005", "13800138000", "openid-5");
		String tokenBefore = this.http.accessToken("wxremove000000005", "secret-5");
		wechat.server().messagePush("wxremove000000005", "http://127.0.0.1:9/push", "push-token", null);
		wechat.server().removeApp("wxremove000000005");
		wechat.server().addApp("wxremove000000005", "secret-5b");
		assertThat(wechat.server().sessionKeyOf("wxremove000000005", "openid-5")).isNull();
		assertThat(this.http.code2Session("wxremove000000005", "secret-5b", codeBefore).errcode())
			.as("login codes of the removed app are unknown")
			.isEqualTo(40029);
		String tokenAfter = this.http.accessToken("wxremove000000005", "secret-5b");
		assertThat(tokenAfter).isNotEqualTo(tokenBefore);
		assertThat(this.http.phoneNumber(tokenAfter, Map.of("code", phoneCodeBefore)).errcode())
			.as("phone codes of the removed app are unknown")
			.isEqualTo(40029);
		assertThat(this.http.stableToken("wxremove000000005", "secret-5", false).errcode()).isEqualTo(40125);
		assertThatIllegalStateException()
			.isThrownBy(() -> wechat.server().pushEvent("wxremove000000005", Map.of("MsgType", "event")))
			.withMessageContaining("No push URL");
	}

	@Test
	void primaryAppAndAppsNotHostedCannotBeRemoved() {
		assertThatIllegalArgumentException().isThrownBy(() -> wechat.server().removeApp(wechat.server().appid()))
			.withMessageContaining("primary");
		assertThatIllegalArgumentException().isThrownBy(() -> wechat.server().removeApp("wxunknown0000000"))
			.withMessageContaining("wxunknown0000000");
		assertThat(this.http.stableToken(false).errcode()).isZero();
	}

	@Test
	void changesAreMadeWhileACallIsHeldInFlight() {
		wechat.server().addApp("wxheld00000000001", "secret-1");
		wechat.server().failNext(Api.STABLE_TOKEN, Fault.delay(HELD), 1);
		int callsBefore = wechat.server().callCount(Api.STABLE_TOKEN);
		CompletableFuture<WeChatHttp.Reply> held = CompletableFuture
			.supplyAsync(() -> new WeChatHttp(wechat.server(), HELD.plusMinutes(1)).stableToken(false), this.callers);
		awaitCalls(Api.STABLE_TOKEN, callsBefore + 1);
		// none of the changes waits for the call being answered
		wechat.server().addApp("wxheld00000000002", "secret-2");
		String newSecret = wechat.server().resetSecret("wxheld00000000001");
		wechat.server().removeApp("wxheld00000000001");
		assertThat(this.http.stableToken("wxheld00000000002", "secret-2", false).errcode()).isZero();
		assertThat(this.http.stableToken("wxheld00000000001", newSecret, false).errcode()).isEqualTo(40013);
		assertThat(held).isNotDone();
	}

	@Test
	void appsAddedWhileCallsAreAnsweredAreEachServed() {
		int apps = 40;
		List<CompletableFuture<Void>> work = IntStream.range(0, apps).mapToObj((i) -> CompletableFuture.runAsync(() -> {
			String appid = "wxconcurrent%05d".formatted(i);
			String secret = "secret-" + i;
			// calls of the primary and of the apps added before run while this one is added
			assertThat(this.http.stableToken(false).errcode()).isZero();
			wechat.server().addApp(appid, secret);
			String code = wechat.server().issueLoginCode(appid, "openid-" + i, null);
			assertThat(this.http.code2Session(appid, secret, code).errcode()).isZero();
			String newSecret = wechat.server().resetSecret(appid);
			assertThat(this.http.stableToken(appid, secret, false).errcode()).isEqualTo(40125);
			assertThat(this.http.stableToken(appid, newSecret, false).errcode()).isZero();
		}, this.callers)).toList();
		CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
		for (int i = 0; i < apps; i++) {
			String appid = "wxconcurrent%05d".formatted(i);
			assertThat(wechat.server().callCount(appid, Api.STABLE_TOKEN)).isEqualTo(2);
			assertThat(wechat.server().callCount(appid, Api.CODE2SESSION)).isOne();
		}
	}

	private static void awaitCalls(Api api, int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (wechat.server().callCount(api) < count) {
			assertThat(System.nanoTime()).as("the server received the call").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

}
