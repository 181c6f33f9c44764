package io.github.wxlogin.token;

import java.util.Optional;

/**
 * Keeps refresh tokens, by the hash of the token only, and rotates them: each token is spent once, and
 * presenting a spent token again revokes its whole family (RFC 9700, refresh token rotation).
 */
public interface RefreshTokenStore {

	/**
	 * Store a new token, the first of a family or the successor of a spent one.
	 * @param tokenHash the token's hash
	 * @param grant what the token stands for
	 */
	void save(String tokenHash, RefreshTokenGrant grant);

	/**
	 * Spend a token and store its successor, atomically: of many concurrent calls with one token at most
	 * one succeeds. A token that was spent before revokes its family and is refused.
	 * @param tokenHash the presented token's hash
	 * @param nextTokenHash the successor's hash
	 * @param next what the successor stands for, given the spent token's grant
	 * @return the spent token's grant, or empty when the token is unknown, expired, revoked or spent
	 */
	Optional<RefreshTokenGrant> rotate(String tokenHash, String nextTokenHash,
			java.util.function.UnaryOperator<RefreshTokenGrant> next);

	/**
	 * Find the grant of a token that can still be used.
	 * @param tokenHash the token's hash
	 * @return the grant, or empty when the token is unknown, expired, revoked or spent
	 */
	Optional<RefreshTokenGrant> find(String tokenHash);

	/**
	 * Revoke every token of a family.
	 * @param familyId the family
	 */
	void revokeFamily(String familyId);

}
