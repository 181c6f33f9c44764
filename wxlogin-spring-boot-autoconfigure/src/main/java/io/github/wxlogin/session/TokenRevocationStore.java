package io.github.wxlogin.session;

import java.time.Instant;
import java.util.Optional;

/**
 * Access tokens revoked before their expiry, kept until they would have expired anyway: one token by its
 * {@code jti}, or every token of a login session by the session's id, which its tokens carry as
 * {@code sid}, until the last access token issued in the session expires. Each revocation keeps why it was
 * made ({@link WxSessionEndReason}), so that every instance refuses the token with the same reason.
 * The two kinds of id never collide: a {@code jti} is a UUID of 36 characters, a session id 43
 * characters of Base64url.
 */
public interface TokenRevocationStore {

	/**
	 * Revoke an access token, or every access token of a session, without a reason: the host ended it
	 * ({@link WxSessionEndReason#SESSION_REVOKED}).
	 * @param jti the token's id, or the session's
	 * @param expiresAt the token's expiry (for a session: of the last token issued in it), after which it
	 * need not be remembered
	 */
	void revoke(String jti, Instant expiresAt);

	/**
	 * Revoke an access token, or every access token of a session, and keep why. The default keeps no
	 * reason: a store written before reasons answers every revocation as
	 * {@link WxSessionEndReason#SESSION_REVOKED}; the starter's stores keep it.
	 * @param jti the token's id, or the session's
	 * @param expiresAt the token's expiry (for a session: of the last token issued in it), after which it
	 * need not be remembered
	 * @param reason why
	 */
	default void revoke(String jti, Instant expiresAt, WxSessionEndReason reason) {
		revoke(jti, expiresAt);
	}

	/**
	 * Return whether an access token, or every access token of a session, was revoked.
	 * @param jti the token's id, or the session's
	 * @return whether it was revoked
	 */
	boolean isRevoked(String jti);

	/**
	 * Return why an access token, or every access token of a session, was revoked. The default knows no
	 * reason ({@link WxSessionEndReason#SESSION_REVOKED}).
	 * @param jti the token's id, or the session's
	 * @return the reason, or empty when it was not revoked
	 */
	default Optional<WxSessionEndReason> revocation(String jti) {
		return isRevoked(jti) ? Optional.of(WxSessionEndReason.SESSION_REVOKED) : Optional.empty();
	}

	/**
	 * Return why an access token (or session) this instance verified before has been revoked since; asked on
	 * every request that presents it, so a shared store that tells every instance of each revocation within a
	 * short bound answers from this instance's memory, without a remote call. By default the store is
	 * asked with {@link #isKnownRevoked}, and the reason with {@link #revocation}.
	 * @param jti the token's id
	 * @return the reason, or empty when it is not known to be revoked
	 */
	default Optional<WxSessionEndReason> knownRevocation(String jti) {
		return isKnownRevoked(jti) ? revocation(jti).or(() -> Optional.of(WxSessionEndReason.SESSION_REVOKED))
				: Optional.empty();
	}

	/**
	 * Return whether an access token (or session) this instance verified before has been revoked since; see
	 * {@link #knownRevocation}. By default the store is asked with {@link #isRevoked}.
	 * @param jti the token's id
	 * @return whether it is known to be revoked
	 */
	default boolean isKnownRevoked(String jti) {
		return isRevoked(jti);
	}

}
