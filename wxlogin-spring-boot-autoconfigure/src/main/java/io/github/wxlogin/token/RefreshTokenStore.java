package io.github.wxlogin.token;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Keeps refresh tokens, by their {@link RefreshTokenId} only (the family and the token's hash), and
 * rotates them: each token is spent once, and presenting a spent token again revokes its whole family
 * (RFC 9700, refresh token rotation).
 */
public interface RefreshTokenStore {

	/**
	 * Store a new token, the first of a family or the successor of a spent one.
	 * @param id the token's id, of the grant's family
	 * @param grant what the token stands for
	 */
	void save(RefreshTokenId id, RefreshTokenGrant grant);

	/**
	 * Spend a token and store its successor, atomically: of many concurrent calls with one token at most
	 * one succeeds. A token that was spent before revokes its family and is refused.
	 * @param id the presented token's id
	 * @param nextId the successor's id, of the same family
	 * @param next what the successor stands for, given the spent token's grant
	 * @return the spent token's grant, or empty when the token is unknown, expired, revoked or spent
	 */
	Optional<RefreshTokenGrant> rotate(RefreshTokenId id, RefreshTokenId nextId, UnaryOperator<RefreshTokenGrant> next);

	/**
	 * Find the grant of a token that can still be used.
	 * @param id the token's id
	 * @return the grant, or empty when the token is unknown, expired, revoked or spent
	 */
	Optional<RefreshTokenGrant> find(RefreshTokenId id);

	/**
	 * Revoke every token of a family.
	 * @param familyId the family
	 */
	void revokeFamily(String familyId);

}
