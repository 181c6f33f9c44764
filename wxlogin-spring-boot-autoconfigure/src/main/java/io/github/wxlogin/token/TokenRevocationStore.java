package io.github.wxlogin.token;

import java.time.Instant;

/**
 * Access tokens revoked before their expiry, by {@code jti}, kept until they would have expired anyway.
 */
public interface TokenRevocationStore {

	/**
	 * Revoke an access token.
	 * @param jti the token's id
	 * @param expiresAt the token's expiry, after which it need not be remembered
	 */
	void revoke(String jti, Instant expiresAt);

	/**
	 * Return whether an access token was revoked.
	 * @param jti the token's id
	 * @return whether it was revoked
	 */
	boolean isRevoked(String jti);

	/**
	 * Return whether an access token this instance verified before has been revoked since; asked on every
	 * request that presents it, so a shared store that tells every instance of each revocation within a
	 * short bound answers from this instance's memory, without a remote call. By default the store is
	 * asked with {@link #isRevoked}.
	 * @param jti the token's id
	 * @return whether it is known to be revoked
	 */
	default boolean isKnownRevoked(String jti) {
		return isRevoked(jti);
	}

}
