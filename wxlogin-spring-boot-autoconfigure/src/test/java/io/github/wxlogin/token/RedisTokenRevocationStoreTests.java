package io.github.wxlogin.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.wxlogin.redis.LocalRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class RedisTokenRevocationStoreTests {

	private static final String KEY_PREFIX = LocalRedis.uniqueKeyPrefix(RedisTokenRevocationStoreTests.class);

	private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	private static LettuceConnectionFactory connectionFactory;

	private static StringRedisTemplate redis;

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

	private static RedisTokenRevocationStore store(Duration clockSkew) {
		return new RedisTokenRevocationStore(redis, KEY_PREFIX, Clock.systemUTC(), clockSkew, Duration.ofHours(2));
	}

	@Test
	void revokedTokenIsRevokedForEveryInstance() {
		store(CLOCK_SKEW).revoke("jti-1", Instant.now().plus(Duration.ofHours(2)));
		assertThat(store(CLOCK_SKEW).isRevoked("jti-1")).isTrue();
	}

	@Test
	void otherTokenIsNotRevoked() {
		RedisTokenRevocationStore store = store(CLOCK_SKEW);
		store.revoke("jti-2", Instant.now().plus(Duration.ofHours(2)));
		assertThat(store.isRevoked("jti-3")).isFalse();
	}

	@Test
	void revocationIsKeptForTheTokensRemainingLifePlusClockSkew() {
		store(CLOCK_SKEW).revoke("jti-4", Instant.now().plus(Duration.ofMinutes(10)));
		long expected = Duration.ofMinutes(10).plus(CLOCK_SKEW).toSeconds();
		assertThat(redis.getExpire(KEY_PREFIX + "revoked-jti:jti-4")).isBetween(expected - 5, expected);
	}

	@Test
	void revocationLeavesWhenTheTokenWouldHaveExpired() throws InterruptedException {
		RedisTokenRevocationStore store = store(Duration.ZERO);
		store.revoke("jti-5", Instant.now().plusMillis(300));
		assertThat(store.isRevoked("jti-5")).isTrue();
		Thread.sleep(600);
		assertThat(store.isRevoked("jti-5")).isFalse();
	}

	@Test
	void tokenExpiredBeyondTheClockSkewIsNotStored() {
		store(CLOCK_SKEW).revoke("jti-6", Instant.now().minus(Duration.ofMinutes(1)));
		assertThat(redis.hasKey(KEY_PREFIX + "revoked-jti:jti-6")).isFalse();
	}

	@Test
	void revocationOnOneInstanceIsKnownOnAnotherOnceItHasReadTheNewRevocations() {
		RedisTokenRevocationStore first = store(CLOCK_SKEW);
		RedisTokenRevocationStore second = store(CLOCK_SKEW);
		second.catchUp();
		first.revoke("jti-7", Instant.now().plus(Duration.ofHours(2)));
		assertThat(first.isKnownRevoked("jti-7")).isTrue();
		assertThat(second.isKnownRevoked("jti-7")).isFalse();
		second.catchUp();
		assertThat(second.isKnownRevoked("jti-7")).isTrue();
		assertThat(second.isKnownRevoked("jti-8")).isFalse();
	}

	@Test
	void newInstanceLearnsOfEarlierRevocations() {
		store(CLOCK_SKEW).revoke("jti-9", Instant.now().plus(Duration.ofHours(2)));
		RedisTokenRevocationStore late = store(CLOCK_SKEW);
		late.catchUp();
		assertThat(late.isKnownRevoked("jti-9")).isTrue();
	}

}
