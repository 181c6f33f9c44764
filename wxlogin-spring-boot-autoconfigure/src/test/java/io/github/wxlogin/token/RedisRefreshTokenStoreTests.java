package io.github.wxlogin.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.clock.SettableClock;
import io.github.wxlogin.redis.LocalRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class RedisRefreshTokenStoreTests {

	private static final String KEY_PREFIX = LocalRedis.uniqueKeyPrefix(RedisRefreshTokenStoreTests.class);

	private static final Duration TTL = Duration.ofDays(30);

	private static final WxPrincipal USER = new WxPrincipal("user|1", "openid-1", "wx-app");

	private static LettuceConnectionFactory connectionFactory;

	private static StringRedisTemplate redis;

	/** Stands at an instant far from today, so that a store reading the real clock fails these tests. */
	private final SettableClock clock = new SettableClock();

	private final RedisRefreshTokenStore store = store(this.clock);

	@BeforeAll
	static void connect() {
		connectionFactory = LocalRedis.connect();
		redis = new StringRedisTemplate(connectionFactory);
	}

	@AfterAll
	static void disconnect() {
		LocalRedis.deleteKeys(redis, KEY_PREFIX);
		connectionFactory.destroy();
	}

	private static RedisRefreshTokenStore store(Clock clock) {
		return new RedisRefreshTokenStore(redis, KEY_PREFIX, clock, TTL);
	}

	private RefreshTokenGrant newGrant(Duration life) {
		// Redis keeps the expiry in milliseconds
		return new RefreshTokenGrant(UUID.randomUUID().toString(), USER,
				this.clock.instant().plus(life).truncatedTo(ChronoUnit.MILLIS));
	}

	private static String newHash() {
		return UUID.randomUUID().toString();
	}

	private Optional<RefreshTokenGrant> rotate(RedisRefreshTokenStore store, String hash, String nextHash) {
		return store.rotate(hash, nextHash, (spent) -> new RefreshTokenGrant(spent.familyId(), spent.subject(),
				this.clock.instant().plus(TTL).truncatedTo(ChronoUnit.MILLIS)));
	}

	@Test
	void savedTokenIsFoundByAnotherInstance() {
		RefreshTokenGrant grant = newGrant(TTL);
		String hash = newHash();
		this.store.save(hash, grant);
		assertThat(store(this.clock).find(hash)).contains(grant);
	}

	@Test
	void unknownTokenIsNotFoundNorRotated() {
		assertThat(this.store.find(newHash())).isEmpty();
		assertThat(rotate(this.store, newHash(), newHash())).isEmpty();
	}

	@Test
	void rotationSpendsTheTokenAndStoresItsSuccessor() {
		RefreshTokenGrant grant = newGrant(TTL);
		String hash = newHash();
		String nextHash = newHash();
		this.store.save(hash, grant);
		assertThat(rotate(this.store, hash, nextHash)).contains(grant);
		assertThat(this.store.find(hash)).isEmpty();
		assertThat(this.store.find(nextHash)).hasValueSatisfying((next) -> {
			assertThat(next.familyId()).isEqualTo(grant.familyId());
			assertThat(next.subject()).isEqualTo(USER);
		});
	}

	@Test
	void spentTokenPresentedAgainRevokesItsFamily() {
		RefreshTokenGrant grant = newGrant(TTL);
		String hash = newHash();
		String nextHash = newHash();
		this.store.save(hash, grant);
		rotate(this.store, hash, nextHash);
		assertThat(rotate(store(this.clock), hash, newHash())).isEmpty();
		assertThat(this.store.find(nextHash)).isEmpty();
		assertThat(rotate(this.store, nextHash, newHash())).isEmpty();
		assertThat(millisToLive(KEY_PREFIX + "refresh-family:" + grant.familyId() + ":revoked"))
			.isLessThanOrEqualTo(TTL.toMillis()).isGreaterThan(TTL.minusDays(1).toMillis());
	}

	@Test
	void ofFiftyConcurrentRotationsOnTwoInstancesExactlyOneSucceeds() throws Exception {
		String hash = newHash();
		this.store.save(hash, newGrant(TTL));
		List<RedisRefreshTokenStore> instances = List.of(store(this.clock), store(this.clock));
		ExecutorService pool = Executors.newFixedThreadPool(50);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Optional<RefreshTokenGrant>>> results = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				RedisRefreshTokenStore instance = instances.get(i % 2);
				results.add(pool.submit(() -> {
					start.await();
					return rotate(instance, hash, newHash());
				}));
			}
			start.countDown();
			int rotated = 0;
			for (Future<Optional<RefreshTokenGrant>> result : results) {
				rotated += result.get().isPresent() ? 1 : 0;
			}
			assertThat(rotated).isOne();
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Redis counts a key's TTL down in real time from the one the store set: read it in milliseconds. */
	private static long millisToLive(String key) {
		return redis.getExpire(key, TimeUnit.MILLISECONDS);
	}

	@Test
	void expiredTokenIsRefused() {
		String hash = newHash();
		this.store.save(hash, newGrant(Duration.ofMinutes(1)));
		RedisRefreshTokenStore later = store(Clock.offset(this.clock, Duration.ofMinutes(2)));
		assertThat(later.find(hash)).isEmpty();
		assertThat(rotate(later, hash, newHash())).isEmpty();
		assertThat(this.store.find(hash)).isPresent();
	}

	@Test
	void tokenLeavesRedisWhenItExpires() {
		String hash = newHash();
		this.store.save(hash, newGrant(Duration.ofMinutes(10)));
		// The grant's own life by the store's clock, not the 30 days of a new token
		assertThat(millisToLive(KEY_PREFIX + "refresh-token:" + hash)).isPositive()
			.isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
	}

	@Test
	void spentTokenIsKeptUntilItExpiresToRecogniseItsReuse() {
		String hash = newHash();
		this.store.save(hash, newGrant(Duration.ofMinutes(10)));
		rotate(this.store, hash, newHash());
		assertThat(redis.<String, String>opsForHash().get(KEY_PREFIX + "refresh-token:" + hash, "spent"))
			.isEqualTo("1");
		assertThat(millisToLive(KEY_PREFIX + "refresh-token:" + hash)).isPositive()
			.isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
	}

	@Test
	void revokedFamilyIsRefused() {
		RefreshTokenGrant grant = newGrant(TTL);
		String hash = newHash();
		this.store.save(hash, grant);
		store(this.clock).revokeFamily(grant.familyId());
		assertThat(this.store.find(hash)).isEmpty();
		assertThat(rotate(this.store, hash, newHash())).isEmpty();
	}

}
