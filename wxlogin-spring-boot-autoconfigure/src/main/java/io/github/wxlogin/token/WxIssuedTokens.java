package io.github.wxlogin.token;

import java.time.Instant;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.session.WxLoginSession;

/**
 * An access token and the refresh token issued with it. Neither appears in {@link #toString()}.
 *
 * @param subject the user the tokens are issued to
 * @param issuedAt when the tokens were issued
 * @param accessToken the signed JWT
 * @param accessTokenExpiresAt when the access token expires
 * @param refreshToken the opaque refresh token
 * @param refreshTokenExpiresAt when the refresh token expires
 * @param sessionId the login session the tokens belong to ({@link WxLoginSession#id()}, the {@code sid}
 * claim)
 */
public record WxIssuedTokens(WxPrincipal subject, Instant issuedAt, String accessToken, Instant accessTokenExpiresAt,
		String refreshToken, Instant refreshTokenExpiresAt, String sessionId) {

	@Override
	public String toString() {
		return "WxIssuedTokens[subject=" + this.subject + ", accessTokenExpiresAt=" + this.accessTokenExpiresAt + ", refreshTokenExpiresAt="
				+ this.refreshTokenExpiresAt + ", sessionId=" + this.sessionId + "]";
	}

}
