package io.github.wxlogin.web;

import java.time.Duration;
import java.time.Instant;

import io.github.wxlogin.login.SignedIn;
import io.github.wxlogin.token.WxIssuedTokens;

/**
 * The reply of login and refresh: the new access and refresh tokens and the user they belong to.
 *
 * @param accessToken the access token, a JWT to send as {@code Authorization: Bearer}
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 * @param refreshToken the refresh token, spent by its first use
 * @param refreshExpiresIn seconds until the refresh token expires
 * @param newUser whether this login created the user
 * @param phoneBound whether the user has a phone number: a client shows the paid phone-number button only
 * when not
 * @param user the user
 * @param restored whether this login cancelled the pending deletion of the user's account: a client tells
 * the user the account is kept
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
		long refreshExpiresIn, boolean newUser, boolean phoneBound, UserResponse user, boolean restored) {

	static TokenResponse of(SignedIn signedIn) {
		WxIssuedTokens tokens = signedIn.tokens();
		Instant issuedAt = tokens.issuedAt();
		return new TokenResponse(tokens.accessToken(), "Bearer", secondsUntil(issuedAt, tokens.accessTokenExpiresAt()),
				tokens.refreshToken(), secondsUntil(issuedAt, tokens.refreshTokenExpiresAt()), signedIn.newUser(),
				signedIn.user().phoneNumber() != null, UserResponse.of(signedIn.user()), signedIn.restored());
	}

	private static long secondsUntil(Instant now, Instant then) {
		return Duration.between(now, then).toSeconds();
	}

	@Override
	public String toString() {
		return "TokenResponse[expiresIn=" + this.expiresIn + ", newUser=" + this.newUser + ", phoneBound=" + this.phoneBound
				+ ", user=" + this.user + ", restored=" + this.restored + "]";
	}

}
