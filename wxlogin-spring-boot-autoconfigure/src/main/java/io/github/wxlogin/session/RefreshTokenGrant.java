package io.github.wxlogin.session;

import java.time.Instant;

import io.github.wxlogin.WxPrincipal;

/**
 * What a refresh token stands for: the user it was issued to, the family of tokens it was rotated from,
 * and when it stops working.
 *
 * @param familyId the id shared by every token rotated from one login
 * @param subject the user
 * @param expiresAt when the token stops working
 */
public record RefreshTokenGrant(String familyId, WxPrincipal subject, Instant expiresAt) {

	/**
	 * Return the id of the login session the token belongs to: its family seen from outside (see
	 * {@link WxLoginSession}).
	 * @return the session's id
	 */
	public String sessionId() {
		return SessionIds.of(this.familyId);
	}

}
