package io.github.wxlogin.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.wxlogin.clock.SettableClock;
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

	/** Stands at an instant far from today, so that a store reading the real clock fails these tests. */
	private final SettableClock clock = new SettableClock();

	private RedisTokenRevocationStore store(Duration clockSkew) {
		return new RedisTokenRevocationStore(this.redis, this.keyPrefix, this.clock, clockSkew,
				Duration.ofHours(2));
	}

	/** For the revocation stream, whose entries carry Redis's own time. */
	private RedisTokenRevocationStore storeOnTheRealClock() {
		return new RedisTokenRevocationStore(this.redis, this.keyPrefix, Clock.systemUTC(), CLOCK_SKEW,
				Duration.ofHours(2));
	}

	private Instant now() {
		return this.clock.instant();
	}

	/** Redis counts a key's TTL down in real time from the one the store set: read it in milliseconds. */
	private long millisToLive(String jti) {
		return this.redis.getExpire(this.keyPrefix + "revoked-jti:" + jti, TimeUnit.MILLISECONDS);
	}

	@Test
	void revokedTokenIsRevokedForEveryInstance() {
		store(CLOCK_SKEW).revoke("jti-1", now().plus(Duration.ofHours(2)));
		assertThat(store(CLOCK_SKEW).isRevoked("jti-1")).isTrue();
	}

	@Test
	void otherTokenIsNotRevoked() {
		RedisTokenRevocationStore store = store(CLOCK_SKEW);
		store.revoke("jti-2", now().plus(Duration.ofHours(2)));
		assertThat(store.isRevoked("jti-3")).isFalse();
	}

	@Test
	void revocationIsKeptForTheTokensRemainingLifePlusClockSkew() {
		Duration skew = Duration.ofHours(1);
		store(skew).revoke("jti-4", now().plus(Duration.ofMinutes(10)));
		// At most the life plus the skew, and more than the life alone: the skew was added
		assertThat(millisToLive("jti-4")).isLessThanOrEqualTo(Duration.ofMinutes(10).plus(skew).toMillis())
			.isGreaterThan(Duration.ofMinutes(10).toMillis());
	}

	@Test
	void revocationLeavesWhenTheTokenWouldHaveExpired() {
		store(Duration.ZERO).revoke("jti-5", now().plusMillis(300_000));
		assertThat(millisToLive("jti-5")).isPositive().isLessThanOrEqualTo(300_000);
	}

	@Test
	void tokenExpiredBeyondTheClockSkewIsNotStored() {
		store(CLOCK_SKEW).revoke("jti-6", now().minus(Duration.ofMinutes(1)));
		assertThat(this.redis.hasKey(this.keyPrefix + "revoked-jti:jti-6")).isFalse();
	}

	@Test
	void tokenExpiredWithinTheClockSkewIsStoredForWhatIsLeftOfTheSkew() {
		store(Duration.ofHours(1)).revoke("jti-10", now().minusSeconds(10));
		assertThat(millisToLive("jti-10")).isPositive().isLessThanOrEqualTo(Duration.ofHours(1).minusSeconds(10).toMillis());
	}

	@Test
	void revocationIsDatedByTheStoresClock() {
		RedisTokenRevocationStore store = store(Duration.ZERO);
		Instant expiresAt = now().plus(Duration.ofMinutes(10));
		this.clock.advance(Duration.ofMinutes(10));
		store.revoke("jti-11", expiresAt);
		assertThat(this.redis.hasKey(this.keyPrefix + "revoked-jti:jti-11")).isFalse();
	}

	@Test
	void revocationOnOneInstanceIsKnownOnAnotherOnceItHasReadTheNewRevocations() {
		RedisTokenRevocationStore first = storeOnTheRealClock();
		RedisTokenRevocationStore second = storeOnTheRealClock();
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
		storeOnTheRealClock().revoke("jti-9", Instant.now().plus(Duration.ofHours(2)));
		RedisTokenRevocationStore late = storeOnTheRealClock();
		late.catchUp();
		assertThat(late.isKnownRevoked("jti-9")).isTrue();
	}

	@Test
	void theReasonOfARevocationTravelsToEveryInstance() {
		RedisTokenRevocationStore first = storeOnTheRealClock();
		RedisTokenRevocationStore second = storeOnTheRealClock();
		second.catchUp();
		first.revoke("sid-12", Instant.now().plus(Duration.ofHours(2)), WxSessionEndReason.SESSION_REPLACED);
		assertThat(first.knownRevocation("sid-12")).contains(WxSessionEndReason.SESSION_REPLACED);
		// asked of Redis by an instance that has not read the stream yet
		assertThat(second.revocation("sid-12")).contains(WxSessionEndReason.SESSION_REPLACED);
		assertThat(second.knownRevocation("sid-12")).isEmpty();
		second.catchUp();
		assertThat(second.knownRevocation("sid-12")).contains(WxSessionEndReason.SESSION_REPLACED);
	}

	@Test
	void aRevocationWrittenBeforeReasonsReadsAsTheHosts() {
		this.redis.opsForValue()
			.set(this.keyPrefix + "revoked-jti:jti-13", Long.toString(Instant.now().toEpochMilli()), Duration.ofHours(1));
		this.redis.opsForStream()
			.add(this.keyPrefix + "revocations", Map.of("jti", "jti-14", "exp",
					Long.toString(Instant.now().plus(Duration.ofHours(1)).toEpochMilli())));
		RedisTokenRevocationStore late = storeOnTheRealClock();
		late.catchUp();
		assertThat(late.revocation("jti-13")).contains(WxSessionEndReason.SESSION_REVOKED);
		assertThat(late.knownRevocation("jti-14")).contains(WxSessionEndReason.SESSION_REVOKED);
	}

	@Test
	void aRevocationWithoutAReasonIsTheHosts() {
		store(CLOCK_SKEW).revoke("jti-15", now().plus(Duration.ofHours(2)));
		assertThat(store(CLOCK_SKEW).revocation("jti-15")).contains(WxSessionEndReason.SESSION_REVOKED);
	}

}
