package io.github.wxlogin.avatar;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * {@link AvatarCheckStore} in this instance's memory: a verdict pushed to another instance, or after a
 * restart, finds nothing (the avatar then stays as it is).
 */
public class CaffeineAvatarCheckStore implements AvatarCheckStore {

	private final Cache<String, PendingAvatarCheck> checks;

	/**
	 * Create a store.
	 * @param timeToLive how long an unanswered check is remembered
	 */
	public CaffeineAvatarCheckStore(Duration timeToLive) {
		this.checks = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(100_000).build();
	}

	@Override
	public void save(String traceId, PendingAvatarCheck check) {
		this.checks.put(traceId, check);
	}

	@Override
	public Optional<PendingAvatarCheck> take(String traceId) {
		return Optional.ofNullable(this.checks.asMap().remove(traceId));
	}

}
