package io.github.wxlogin.login;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A logout: the caller, the refresh token whose session ends (or all of the caller's sessions), and the
 * access token presented, which is refused from then on.
 *
 * @param userId the caller's user id
 * @param refreshToken the refresh token to revoke with its whole family, or {@code null}
 * @param accessTokenId the {@code jti} of the access token presented, or {@code null} when unknown
 * @param accessTokenExpiresAt when that access token expires, or {@code null} when unknown
 * @param sessionId the session of the access token presented ({@code sid}), for the audit trail, or
 * {@code null} when unknown
 * @param allSessions whether every session of the caller ends
 * @param ip the client's address, for the audit trail, or {@code null}
 */
public record SignOutRequest(String userId, @Nullable String refreshToken, @Nullable String accessTokenId,
		@Nullable Instant accessTokenExpiresAt, @Nullable String sessionId, boolean allSessions, @Nullable String ip) {

	/**
	 * A logout of a refresh token's family and of the access token presented.
	 * @param userId the caller's user id
	 * @param refreshToken the refresh token to revoke with its whole family, or {@code null}
	 * @param accessTokenId the {@code jti} of the access token presented, or {@code null} when unknown
	 * @param accessTokenExpiresAt when that access token expires, or {@code null} when unknown
	 */
	public SignOutRequest(String userId, @Nullable String refreshToken, @Nullable String accessTokenId,
			@Nullable Instant accessTokenExpiresAt) {
		this(userId, refreshToken, accessTokenId, accessTokenExpiresAt, null, false, null);
	}

	@Override
	public String toString() {
		return "SignOutRequest[userId=" + this.userId + ", accessTokenId=" + this.accessTokenId + ", sessionId="
				+ this.sessionId + ", allSessions=" + this.allSessions + "]";
	}

}
