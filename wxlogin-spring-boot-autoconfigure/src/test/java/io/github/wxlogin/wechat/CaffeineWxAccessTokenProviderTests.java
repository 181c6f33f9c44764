package io.github.wxlogin.wechat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.wxlogin.clock.SettableClock;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.FakeWeChatServerExtension;
import io.github.wxlogin.test.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CaffeineWxAccessTokenProviderTests {

	@RegisterExtension
	static final FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	/** Dates the tokens the client fetches and times how long the provider keeps them. */
	private final SettableClock clock = new SettableClock();

	private final RestClientWxStableTokenClient stableTokens = RestClientWxApiClientTests.WxApiClients
		.stableTokens(fake().baseUrl(), Duration.ofSeconds(5), this.clock);

	private static FakeWeChatServer fake() {
		return wechat.server();
	}

	private static WxApp app() {
		return new WxApp(fake().appid(), fake().secret());
	}

	private CaffeineWxAccessTokenProvider provider(Duration refreshAhead) {
		return new CaffeineWxAccessTokenProvider(this.stableTokens, refreshAhead, this.clock);
	}

	/** Binds a phone through a client that takes its tokens from the provider. */
	private String phoneNumber(WxAccessTokenProvider provider) {
		return RestClientWxApiClientTests.WxApiClients.create(fake().baseUrl(), Duration.ofSeconds(5), provider)
			.phoneNumber(app(), fake().issuePhoneCode("13800138000"), "openid-1")
			.phoneNumber();
	}

	@Test
	void concurrentCallersOnAColdProviderCauseOneFetch() throws Exception {
		CaffeineWxAccessTokenProvider provider = provider(Duration.ofMinutes(5));
		fake().latency(Duration.ofMillis(200));
		ExecutorService pool = Executors.newFixedThreadPool(200);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> tokens = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				tokens.add(pool.submit(() -> {
					start.await();
					return provider.accessToken(app());
				}));
			}
			start.countDown();
			String first = tokens.get(0).get();
			for (Future<String> token : tokens) {
				assertThat(token.get()).isEqualTo(first);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(1);
	}

	@Test
	void tokenIsFetchedAgainRefreshAheadOfItsExpiry() {
		// A new token lives 7200 s: the provider keeps it for 7200 - 300 s
		fake().invalidateAccessToken();
		CaffeineWxAccessTokenProvider provider = provider(Duration.ofMinutes(5));
		provider.accessToken(app());
		this.clock.advance(Duration.ofSeconds(6899));
		provider.accessToken(app());
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
		provider.accessToken(app());
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(2);
	}

	@Test
	void tokenHandedOutInsideTheRefreshWindowIsKeptForAFewSecondsOnly() {
		fake().accessTokenLifetime(Duration.ofSeconds(60));
		fake().invalidateAccessToken();
		CaffeineWxAccessTokenProvider provider = provider(Duration.ofMinutes(5));
		provider.accessToken(app());
		this.clock.advance(Duration.ofMillis(4999));
		provider.accessToken(app());
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(1);
		this.clock.advance(Duration.ofMillis(1));
		provider.accessToken(app());
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(2);
	}

	@Test
	void rejectedTokenIsReplacedAndTheCallRetriedOnce() {
		CaffeineWxAccessTokenProvider provider = provider(Duration.ofMinutes(5));
		String before = provider.accessToken(app());
		fake().invalidateAccessToken();
		String phone = phoneNumber(provider);
		assertThat(phone).isEqualTo("13800138000");
		assertThat(provider.accessToken(app())).isNotEqualTo(before);
		assertThat(fake().callCount(Api.PHONE_NUMBER)).isEqualTo(2);
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(2);
	}

	@Test
	void staleTokenThatNormalModeStillReturnsIsForceRefreshed() {
		CaffeineWxAccessTokenProvider provider = provider(Duration.ofMinutes(5));
		String before = provider.accessToken(app());
		fake().staleAccessToken();
		String phone = phoneNumber(provider);
		assertThat(phone).isEqualTo("13800138000");
		assertThat(provider.accessToken(app())).isNotEqualTo(before);
		// the first fetch, a normal one that returns the stale token, then one forced refresh
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(3);
	}

	@Test
	void invalidatingATokenThatWasAlreadyReplacedKeepsTheNewOne() {
		CaffeineWxAccessTokenProvider provider = provider(Duration.ofMinutes(5));
		String current = provider.accessToken(app());
		provider.invalidate(app(), "an-older-token");
		assertThat(provider.accessToken(app())).isEqualTo(current);
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(1);
	}

	@Test
	void configurationErrorIsNotRetriedInALoop() {
		CaffeineWxAccessTokenProvider provider = provider(Duration.ofMinutes(5));
		fake().failNext(Api.STABLE_TOKEN, Fault.errcode(40164), 100);
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(WxApiException.class).isThrownBy(() -> provider.accessToken(app()))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(WxApiException.Reason.CONFIG_ERROR));
		}
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(3);
	}

	@Test
	void tokenRejectedTwiceIsNotRetriedAgain() {
		CaffeineWxAccessTokenProvider provider = provider(Duration.ofMinutes(5));
		fake().failNext(Api.PHONE_NUMBER, Fault.errcode(40001), 5);
		assertThatExceptionOfType(WxApiException.class).isThrownBy(() -> phoneNumber(provider))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(WxApiException.Reason.TOKEN_REJECTED));
		assertThat(fake().callCount(Api.PHONE_NUMBER)).isEqualTo(2);
	}

}
