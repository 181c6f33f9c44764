package io.github.wxlogin.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@link TokenRevocationStore} in Redis, shared by every instance. A revoked token is the key
 * {@code <prefix>revoked-jti:<jti>}, whose value is the token's expiry in epoch milliseconds and which
 * expires with the token, plus the clock skew that the decoder tolerates.
 */
public class RedisTokenRevocationStore implements TokenRevocationStore {

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Clock clock;

	private final Duration clockSkew;

	/**
	 * Create a store.
	 * @param redis the Redis client
	 * @param keyPrefix the prefix of every key, such as {@code wxlogin:}
	 * @param clock the clock that tells how long a token has left
	 * @param clockSkew the tolerance on {@code exp} of the decoder
	 */
	public RedisTokenRevocationStore(StringRedisTemplate redis, String keyPrefix, Clock clock, Duration clockSkew) {
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.clock = clock;
		this.clockSkew = clockSkew;
	}

	@Override
	public void revoke(String jti, Instant expiresAt) {
		Duration left = TimeLeft.until(this.clock, expiresAt.plus(this.clockSkew));
		if (left.toMillis() <= 0) {
			// The decoder refuses the token anyway
			return;
		}
		this.redis.opsForValue().set(key(jti), Long.toString(expiresAt.toEpochMilli()), left);
	}

	@Override
	public boolean isRevoked(String jti) {
		return Boolean.TRUE.equals(this.redis.hasKey(key(jti)));
	}

	private String key(String jti) {
		return this.keyPrefix + "revoked-jti:" + jti;
	}

}
