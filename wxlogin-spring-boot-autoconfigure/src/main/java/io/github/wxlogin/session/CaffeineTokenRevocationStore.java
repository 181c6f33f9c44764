package io.github.wxlogin.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * {@link TokenRevocationStore} in this instance's memory; each entry leaves when its token would have
 * expired, plus the clock skew that the decoder tolerates.
 */
public class CaffeineTokenRevocationStore implements TokenRevocationStore {

	private final Cache<String, Instant> revoked;

	/**
	 * Create a store.
	 * @param clock the clock that tells how long a token has left
	 * @param clockSkew the tolerance on {@code exp} of the decoder
	 */
	public CaffeineTokenRevocationStore(Clock clock, Duration clockSkew) {
		this.revoked = Caffeine.newBuilder()
			.expireAfter(Expiry.creating((String jti, Instant expiresAt) -> TimeLeft.until(clock, expiresAt.plus(clockSkew))))
			.build();
	}

	@Override
	public void revoke(String jti, Instant expiresAt) {
		this.revoked.put(jti, expiresAt);
	}

	@Override
	public boolean isRevoked(String jti) {
		return this.revoked.getIfPresent(jti) != null;
	}

}
