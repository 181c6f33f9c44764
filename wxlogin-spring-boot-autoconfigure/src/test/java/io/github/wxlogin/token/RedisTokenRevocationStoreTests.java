package io.github.wxlogin.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.github.wxlogin.redis.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revocation store on one kind of Redis; a subclass for each kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RedisTokenRevocationStoreTests {

	private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	private final Supplier<LettuceConnectionFactory> connect;

	private TestRedis server;

	private StringRedisTemplate redis;

	private String keyPrefix;

	RedisTokenRevocationStoreTests(Supplier<LettuceConnectionFactory> connect) {
		this.connect = connect;
	}

	@BeforeAll
	void connect() {
		this.server = TestRedis.connect(this.connect, getClass());
		this.redis = this.server.template();
		this.keyPrefix = this.server.keyPrefix();
	}

	@AfterAll
	void disconnect() {
		this.server.close();
	}

	private RedisTokenRevocationStore store(Duration clockSkew) {
		return new RedisTokenRevocationStore(this.redis, this.keyPrefix, Clock.systemUTC(), clockSkew,
				Duration.ofHours(2));
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
		assertThat(this.redis.getExpire(this.keyPrefix + "revoked-jti:jti-4")).isBetween(expected - 5, expected);
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
		assertThat(this.redis.hasKey(this.keyPrefix + "revoked-jti:jti-6")).isFalse();
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
