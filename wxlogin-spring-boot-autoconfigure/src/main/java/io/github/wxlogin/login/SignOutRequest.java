package io.github.wxlogin.login;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A logout: the caller, the refresh token whose family ends, and the access token the caller presented,
 * which is refused from then on.
 *
 * @param userId the caller's user id
 * @param refreshToken the refresh token to revoke with its whole family, or {@code null}
 * @param accessTokenId the {@code jti} of the access token presented, or {@code null} when unknown
 * @param accessTokenExpiresAt when that access token expires, or {@code null} when unknown
 */
public record SignOutRequest(String userId, @Nullable String refreshToken, @Nullable String accessTokenId,
		@Nullable Instant accessTokenExpiresAt) {

	@Override
	public String toString() {
		return "SignOutRequest[userId=" + this.userId + ", accessTokenId=" + this.accessTokenId + "]";
	}

}
