package io.github.wxlogin.wechat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.wxlogin.clock.SettableClock;
import io.github.wxlogin.redis.LocalRedis;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.FakeWeChatServerExtension;
import io.github.wxlogin.test.Fault;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shared WeChat access token on one kind of Redis; a subclass for each kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RedisWxAccessTokenProviderTests {

	@RegisterExtension
	static final FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private final Supplier<LettuceConnectionFactory> server;

	private LettuceConnectionFactory connectionFactory;

	private StringRedisTemplate redis;

	/** A prefix per test: the fake server starts every test with new tokens. */
	private String keyPrefix;

	/** Dates the tokens the client fetches and times the instances' near caches. */
	private final SettableClock clock = new SettableClock();

	private final RestClientWxStableTokenClient stableTokens = RestClientWxApiClientTests.WxApiClients
		.stableTokens(fake().baseUrl(), Duration.ofSeconds(5), this.clock);

	RedisWxAccessTokenProviderTests(Supplier<LettuceConnectionFactory> server) {
		this.server = server;
	}

	@BeforeAll
	void connect() {
		this.connectionFactory = this.server.get();
		this.redis = new StringRedisTemplate(this.connectionFactory);
	}

	@AfterAll
	void disconnect() {
		this.connectionFactory.destroy();
	}

	@BeforeEach
	void newKeyPrefix() {
		this.keyPrefix = LocalRedis.uniqueKeyPrefix(getClass());
	}

	@AfterEach
	void deleteKeys() {
		LocalRedis.deleteKeys(this.redis, this.keyPrefix);
	}

	private static FakeWeChatServer fake() {
		return wechat.server();
	}

	private static WxApp app() {
		return new WxApp(fake().appid(), fake().secret());
	}

	/** One provider per application instance; instances share Redis. */
	private RedisWxAccessTokenProvider instance(Duration refreshAhead, Duration fetchTimeout) {
		return new RedisWxAccessTokenProvider(this.stableTokens, this.redis, this.keyPrefix, refreshAhead, Duration.ofSeconds(5),
				fetchTimeout, this.clock);
	}

	private RedisWxAccessTokenProvider instance() {
		return instance(Duration.ofMinutes(5), Duration.ofSeconds(10));
	}

	/** Binds a phone through a client that takes its tokens from the provider. */
	private String phoneNumber(WxAccessTokenProvider provider) {
		return RestClientWxApiClientTests.WxApiClients.create(fake().baseUrl(), Duration.ofSeconds(5), provider)
			.phoneNumber(app(), fake().issuePhoneCode("13800138000"), "openid-1")
			.phoneNumber();
	}

	@Test
	void twoHundredConcurrentCallersOnTwoColdInstancesCauseOneFetch() throws Exception {
		List<RedisWxAccessTokenProvider> instances = List.of(instance(), instance());
		fake().latency(Duration.ofMillis(200));
		ExecutorService pool = Executors.newFixedThreadPool(200);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> tokens = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				RedisWxAccessTokenProvider instance = instances.get(i % 2);
				tokens.add(pool.submit(() -> {
					start.await();
					return instance.accessToken(app());
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

	private String tokenKey() {
		return this.keyPrefix + "access-token:{" + fake().appid() + "}";
	}

	@Test
	void tokenIsStoredWithItsExpiryUntilRefreshAhead() {
		// A new token lives 7200 s
		fake().invalidateAccessToken();
		String token = instance().accessToken(app());
		String stored = this.redis.opsForValue().get(tokenKey());
		assertThat(stored).isEqualTo(this.clock.instant().plusSeconds(7200).toEpochMilli() + "|" + token);
		// Redis counts the TTL down in real time from the 7200 - 300 s the provider set: at most that, and
		// far more than a TTL that left out the refresh-ahead or counted it twice
		assertThat(this.redis.getExpire(tokenKey(), TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(6_900_000)
			.isGreaterThan(6_600_000);
	}

	@Test
	void tokenHandedOutInsideTheRefreshWindowIsStoredForAFewSecondsOnly() {
		fake().accessTokenLifetime(Duration.ofSeconds(60));
		fake().invalidateAccessToken();
		instance().accessToken(app());
		assertThat(this.redis.getExpire(tokenKey(), TimeUnit.MILLISECONDS)).isPositive().isLessThanOrEqualTo(5_000);
	}

	@Test
	void tokenIsFetchedAgainOnceItsKeyExpiresAndTheNearCachesFollow() {
		RedisWxAccessTokenProvider first = instance();
		RedisWxAccessTokenProvider second = instance();
		first.accessToken(app());
		second.accessToken(app());
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(1);
		// What Redis does when the key's TTL, asserted above, runs out
		this.redis.delete(tokenKey());
		this.clock.advance(Duration.ofMillis(4999));
		first.accessToken(app());
		second.accessToken(app());
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(1);
		this.clock.advance(Duration.ofMillis(1));
		first.accessToken(app());
		second.accessToken(app());
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(2);
	}

	@Test
	void rejectedTokenIsReplacedAndTheCallRetriedOnce() {
		RedisWxAccessTokenProvider provider = instance();
		String before = provider.accessToken(app());
		fake().invalidateAccessToken();
		assertThat(phoneNumber(provider)).isEqualTo("13800138000");
		String after = provider.accessToken(app());
		assertThat(after).isNotEqualTo(before);
		assertThat(instance().accessToken(app())).isEqualTo(after);
		assertThat(fake().callCount(Api.PHONE_NUMBER)).isEqualTo(2);
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(2);
	}

	@Test
	void staleTokenThatNormalModeStillReturnsIsForceRefreshedOnce() {
		RedisWxAccessTokenProvider provider = instance();
		String before = provider.accessToken(app());
		fake().staleAccessToken();
		assertThat(phoneNumber(provider)).isEqualTo("13800138000");
		assertThat(provider.accessToken(app())).isNotEqualTo(before);
		assertThat(phoneNumber(instance())).isEqualTo("13800138000");
		// the first fetch, a normal one that returns the stale token, then one forced refresh
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(3);
	}

	@Test
	void staleTokenRejectedOnOneInstanceIsForceRefreshedByTheInstanceThatFetches() {
		RedisWxAccessTokenProvider first = instance();
		RedisWxAccessTokenProvider second = instance();
		String before = first.accessToken(app());
		fake().staleAccessToken();
		first.invalidate(app(), before);
		String after = second.accessToken(app());
		assertThat(after).isNotEqualTo(before);
		assertThat(phoneNumber(first)).isEqualTo("13800138000");
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(3);
		assertThat(fake().callCount(Api.PHONE_NUMBER)).isEqualTo(1);
	}

	@Test
	void invalidatingATokenThatWasAlreadyReplacedKeepsTheNewOne() {
		RedisWxAccessTokenProvider provider = instance();
		String current = provider.accessToken(app());
		provider.invalidate(app(), "an-older-token");
		assertThat(provider.accessToken(app())).isEqualTo(current);
		assertThat(instance().accessToken(app())).isEqualTo(current);
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(1);
	}

	@Test
	void invalidationOnOneInstanceIsSeenByAnotherOnceItsNearCacheExpires() {
		RedisWxAccessTokenProvider first = instance();
		String before = first.accessToken(app());
		fake().invalidateAccessToken();
		RedisWxAccessTokenProvider second = instance();
		assertThat(second.accessToken(app())).isEqualTo(before);
		second.invalidate(app(), before);
		assertThat(second.accessToken(app())).isNotEqualTo(before);
		assertThat(this.redis.opsForValue().get(this.keyPrefix + "access-token:{" + fake().appid() + "}"))
			.endsWith("|" + second.accessToken(app()));
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(2);
	}

	@Test
	void waiterTakesOverWhenTheFetchingInstanceDiedHoldingTheLock() {
		String lockKey = this.keyPrefix + "access-token-lock:{" + fake().appid() + "}";
		this.redis.opsForValue().set(lockKey, "an-instance-that-died", Duration.ofMillis(300));
		RedisWxAccessTokenProvider provider = instance(Duration.ofMinutes(5), Duration.ofSeconds(1));
		assertThat(provider.accessToken(app())).isNotEmpty();
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(1);
		assertThat(this.redis.hasKey(lockKey)).isFalse();
	}

	@Test
	void waiterGivesUpWhenNoTokenAppearsInTime() {
		String lockKey = this.keyPrefix + "access-token-lock:{" + fake().appid() + "}";
		this.redis.opsForValue().set(lockKey, "a-slow-instance", Duration.ofSeconds(10));
		RedisWxAccessTokenProvider provider = instance(Duration.ofMinutes(5), Duration.ofMillis(200));
		assertThatExceptionOfType(WxApiException.class).isThrownBy(() -> provider.accessToken(app()))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(WxApiException.Reason.UNAVAILABLE));
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isZero();
	}

	@Test
	void failedFetchReleasesTheLockAndIsNotRetriedInALoop() {
		RedisWxAccessTokenProvider provider = instance();
		fake().failNext(Api.STABLE_TOKEN, Fault.errcode(40164), 100);
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(WxApiException.class).isThrownBy(() -> provider.accessToken(app()))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(WxApiException.Reason.CONFIG_ERROR));
		}
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(3);
		assertThat(this.redis.hasKey(this.keyPrefix + "access-token-lock:{" + fake().appid() + "}")).isFalse();
	}

	@Test
	void keysOfOneAppShareOneHashSlotAndAppsSpreadOverTheSlots() {
		RedisWxAccessTokenProvider provider = instance();
		Set<Integer> appSlots = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			WxApp app = new WxApp("wx" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), "secret");
			List<String> keys = new ArrayList<>(provider.invalidationKeys(app));
			keys.add(this.keyPrefix + "access-token-lock:{" + app.appid() + "}");
			assertThat(keys).contains(this.keyPrefix + "access-token:{" + app.appid() + "}");
			Set<Integer> slots = new HashSet<>();
			keys.forEach((key) -> slots.add(SlotHash.getSlot(key)));
			assertThat(slots).as("slots of %s", keys).hasSize(1);
			appSlots.addAll(slots);
		}
		assertThat(appSlots).hasSizeGreaterThan(90);
	}

}
