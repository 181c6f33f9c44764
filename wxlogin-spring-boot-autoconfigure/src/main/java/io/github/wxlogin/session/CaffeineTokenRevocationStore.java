package io.github.wxlogin.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * {@link TokenRevocationStore} in this instance's memory; each entry leaves when its token would have
 * expired, plus the clock skew that the decoder tolerates.
 */
public class CaffeineTokenRevocationStore implements TokenRevocationStore {

	private final Cache<String, Revocation> revoked;

	/**
	 * Create a store.
	 * @param clock the clock that tells how long a token has left
	 * @param clockSkew the tolerance on {@code exp} of the decoder
	 */
	public CaffeineTokenRevocationStore(Clock clock, Duration clockSkew) {
		this.revoked = Revocation.cache(clock, clockSkew);
	}

	@Override
	public void revoke(String jti, Instant expiresAt) {
		revoke(jti, expiresAt, WxSessionEndReason.SESSION_REVOKED);
	}

	@Override
	public void revoke(String jti, Instant expiresAt, WxSessionEndReason reason) {
		this.revoked.put(jti, new Revocation(expiresAt, reason));
	}

	@Override
	public boolean isRevoked(String jti) {
		return revocation(jti).isPresent();
	}

	@Override
	public Optional<WxSessionEndReason> revocation(String jti) {
		return Optional.ofNullable(this.revoked.getIfPresent(jti)).map(Revocation::reason);
	}

	@Override
	public Optional<WxSessionEndReason> knownRevocation(String jti) {
		return revocation(jti);
	}

	/**
	 * A revocation as an instance keeps it in memory: until when it matters, and why it was made.
	 *
	 * @param expiresAt the token's expiry, after which the revocation is forgotten
	 * @param reason why
	 */
	record Revocation(Instant expiresAt, WxSessionEndReason reason) {

		/** A cache whose entries leave when their tokens expire, plus the decoder's clock skew. */
		static Cache<String, Revocation> cache(Clock clock, Duration clockSkew) {
			return Caffeine.newBuilder()
				.expireAfter(Expiry.creating((String jti, Revocation revocation) -> TimeLeft.until(clock,
						revocation.expiresAt().plus(clockSkew))))
				.build();
		}

	}

}
