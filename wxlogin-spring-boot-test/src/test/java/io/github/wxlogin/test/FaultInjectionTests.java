package io.github.wxlogin.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the faults, latency and call counts of {@link FakeWeChatServer}.
 */
class FaultInjectionTests {

	@RegisterExtension
	static FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private final WeChatHttp http = new WeChatHttp(wechat.server());

	@Test
	void errcodeFaultAnswersTheNextCallsThenTheApiRecovers() {
		wechat.server().failNext(Api.CODE2SESSION, Fault.busy(), 2);
		String code = wechat.server().issueLoginCode("openid-1");
		WeChatHttp.Reply busy = this.http.code2Session(code);
		assertThat(busy.status()).isEqualTo(200);
		assertThat(busy.errcode()).isEqualTo(-1);
		assertThat(busy.json().get("errmsg").asString()).contains("rid: ");
		assertThat(this.http.code2Session(code).errcode()).isEqualTo(-1);
		assertThat(this.http.code2Session(code).errcode()).as("faulted calls leave the code unspent").isZero();
		assertThat(wechat.server().callCount(Api.CODE2SESSION)).isEqualTo(3);
	}

	@Test
	void faultsOfOneApiLeaveTheOthersAlone() {
		wechat.server().failNext(Api.PHONE_NUMBER, Fault.errcode(45011), 1);
		assertThat(this.http.stableToken(false).errcode()).isZero();
	}

	@Test
	void faultsScheduledForOneApiApplyInTurn() {
		wechat.server().failNext(Api.STABLE_TOKEN, Fault.errcode(45009), 1);
		wechat.server().failNext(Api.STABLE_TOKEN, Fault.errcode(40164), 1);
		assertThat(this.http.stableToken(false).errcode()).isEqualTo(45009);
		assertThat(this.http.stableToken(false).errcode()).isEqualTo(40164);
		assertThat(this.http.stableToken(false).errcode()).isZero();
	}

	@Test
	void garbageFaultAnswersABodyThatIsNotJson() {
		wechat.server().failNext(Api.STABLE_TOKEN, Fault.garbage(), 1);
		WeChatHttp.Reply reply = this.http.stableToken(false);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType()).isEqualTo("text/plain");
		assertThat(reply.body()).isEqualTo("this is not json");
	}

	@Test
	void htmlPageFaultAnswersAGatewayErrorPage() {
		wechat.server().failNext(Api.CODE2SESSION, Fault.htmlPage(), 1);
		WeChatHttp.Reply reply = this.http.code2Session("any");
		assertThat(reply.status()).isEqualTo(502);
		assertThat(reply.contentType()).isEqualTo("text/html");
		assertThat(reply.body()).contains("<h1>502 Bad Gateway</h1>");
	}

	@Test
	void httpStatusFaultAnswersThatStatus() {
		wechat.server().failNext(Api.CHECK_SESSION, Fault.httpStatus(503), 1);
		WeChatHttp.Reply reply = this.http.checkSession("any", "o", "s");
		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.body()).isEqualTo("HTTP 503");
	}

	/** Longer than any test here runs: a call held back this long is still waiting when the test ends. */
	private static final Duration HELD = Duration.ofMinutes(5);

	/** Threads of their own for the held calls, rather than the common pool they would hold for minutes. */
	private final ExecutorService heldCalls = Executors.newCachedThreadPool();

	@AfterEach
	void abandonHeldCalls() {
		this.heldCalls.shutdownNow();
	}

	/** Sends a call from another thread, and returns once the server has received it. */
	private CompletableFuture<WeChatHttp.Reply> sentAndReceived() {
		int callsBefore = wechat.server().callCount(Api.STABLE_TOKEN);
		CompletableFuture<WeChatHttp.Reply> call = CompletableFuture
			.supplyAsync(() -> new WeChatHttp(wechat.server(), HELD.plusMinutes(1)).stableToken(false), this.heldCalls);
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (wechat.server().callCount(Api.STABLE_TOKEN) <= callsBefore) {
			assertThat(System.nanoTime()).as("the server received the call").isLessThan(deadline);
			Thread.onSpinWait();
		}
		return call;
	}

	@Test
	void delayFaultHoldsTheReplyBackThenAnswersNormally() {
		wechat.server().failNext(Api.STABLE_TOKEN, Fault.delay(HELD), 1);
		CompletableFuture<WeChatHttp.Reply> held = sentAndReceived();
		// the next call, received after it, is answered first: the first reply is held back
		assertThat(this.http.stableToken(false).errcode()).isZero();
		assertThat(held).isNotDone();
	}

	@Test
	void latencyDelaysEveryCallUntilReset() {
		wechat.server().latency(HELD);
		CompletableFuture<WeChatHttp.Reply> first = sentAndReceived();
		CompletableFuture<WeChatHttp.Reply> second = sentAndReceived();
		wechat.server().reset();
		// a call after the reset is answered while the two before it still wait
		assertThat(this.http.stableToken(false).errcode()).isZero();
		assertThat(first).isNotDone();
		assertThat(second).isNotDone();
	}

	@Test
	void resetForgetsScheduledFaultsAndCounts() {
		wechat.server().failNext(Api.STABLE_TOKEN, Fault.busy(), 5);
		this.http.stableToken(false);
		wechat.server().reset();
		assertThat(wechat.server().callCount(Api.STABLE_TOKEN)).isZero();
		assertThat(this.http.stableToken(false).errcode()).isZero();
	}

	@Test
	void callsAreCountedPerApi() {
		String token = this.http.accessToken();
		this.http.accessToken();
		this.http.checkSession(token, "o", "s");
		assertThat(wechat.server().callCount(Api.STABLE_TOKEN)).isEqualTo(2);
		assertThat(wechat.server().callCount(Api.CHECK_SESSION)).isEqualTo(1);
		assertThat(wechat.server().callCount(Api.CODE2SESSION)).isZero();
		wechat.server().resetCounts();
		assertThat(wechat.server().callCount(Api.STABLE_TOKEN)).isZero();
	}

	@Test
	void unknownPathAnswers404WithAnErrcode() {
		WeChatHttp.Reply reply = this.http.get("/cgi-bin/token", Map.of());
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.errcode()).isNotZero();
	}

	@Test
	void invalidFaultsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.httpStatus(99));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> wechat.server().failNext(Api.CODE2SESSION, Fault.busy(), 0));
	}

	@Test
	void hundredsOfConcurrentSlowLoginsAreEachAnsweredOnce() {
		int logins = 250;
		wechat.server().latency(Duration.ofMillis(200));
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < logins; i++) {
			codes.add(wechat.server().issueLoginCode("openid-" + i));
		}
		ExecutorService clients = Executors.newFixedThreadPool(logins);
		try {
			List<CompletableFuture<WeChatHttp.Reply>> replies = codes.stream()
				.map((code) -> CompletableFuture.supplyAsync(() -> this.http.code2Session(code), clients))
				.toList();
			assertThat(replies).allSatisfy((reply) -> assertThat(reply.join().errcode()).isZero());
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(wechat.server().callCount(Api.CODE2SESSION)).isEqualTo(logins);
	}

}
