package io.github.wxlogin.web;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.wxlogin.session.WxLoginDevice;
import io.github.wxlogin.session.WxLoginSession;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Session} of the contract: one of the caller's logins that can still be refreshed.
 *
 * @param id the session's id, which {@code DELETE /sessions/{id}} takes
 * @param appid the mini program the login was made in
 * @param createdAt when the login was made
 * @param lastUsedAt when the session was last used: refreshed, or (with an idle timeout) seen on a guarded
 * request, to within a minute; its login when it never was
 * @param ip the client's address at login
 * @param userAgent the summary of the client's {@code User-Agent} at login
 * @param device the device label the client sent at login
 * @param current whether the caller's access token belongs to this session
 * @param idleExpiresAt when the session ends unless it is used before ({@code sessions.idle-timeout}); absent
 * without an idle timeout
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionResponse(String id, String appid, Instant createdAt, Instant lastUsedAt, @Nullable String ip,
		@Nullable String userAgent, @Nullable WxLoginDevice device, boolean current,
		@Nullable Instant idleExpiresAt) {

	static SessionResponse of(WxLoginSession session, @Nullable String currentSessionId,
			@Nullable Instant idleExpiresAt) {
		return new SessionResponse(session.id(), session.appid(), session.createdAt(), session.lastUsedAt(),
				session.ip(), session.userAgent(), session.device(), session.id().equals(currentSessionId),
				idleExpiresAt);
	}

}
