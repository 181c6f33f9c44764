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

}
