package io.github.wxlogin.avatar;

import java.time.Duration;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@link AvatarCheckStore} in Redis, shared by every instance: each check is the string value of
 * {@code <prefix>avatar-check:<traceId>} (one key per operation, so Redis Cluster is fine), holding the
 * user id and the avatar URL, and expires after {@code timeToLive}.
 */
public class RedisAvatarCheckStore implements AvatarCheckStore {

	private static final String SEPARATOR = "\n";

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Duration timeToLive;

	/**
	 * Create a store.
	 * @param redis the Redis client
	 * @param keyPrefix the prefix of every key, such as {@code wxlogin:}
	 * @param timeToLive how long an unanswered check is remembered
	 */
	public RedisAvatarCheckStore(StringRedisTemplate redis, String keyPrefix, Duration timeToLive) {
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.timeToLive = timeToLive;
	}

	@Override
	public void save(String traceId, PendingAvatarCheck check) {
		this.redis.opsForValue().set(key(traceId), check.userId() + SEPARATOR + check.avatarUrl(), this.timeToLive);
	}

	@Override
	public Optional<PendingAvatarCheck> take(String traceId) {
		String value = this.redis.opsForValue().getAndDelete(key(traceId));
		if (value == null || !value.contains(SEPARATOR)) {
			return Optional.empty();
		}
		int separator = value.indexOf(SEPARATOR);
		return Optional.of(new PendingAvatarCheck(value.substring(0, separator), value.substring(separator + 1)));
	}

	private String key(String traceId) {
		return this.keyPrefix + "avatar-check:" + traceId;
	}

}
