package io.github.wxlogin.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One login of an account that can still be refreshed: a family of refresh tokens, from the login that
 * started it to the token last rotated, seen from outside. It lives as long as its family: it ends when
 * the family's last token expires, when it is revoked (logout, reuse of a spent token), or when it is
 * ended by its account or the host.
 * <p>
 * Its id is made from the family's id by a one-way hash: it names the session in lists, in the URL
 * that ends it and in the {@code sid} claim of its access tokens, all of which end up in logs and in
 * clients' hands, while the family id is the first half of every refresh token of the family and so
 * stays inside the store.
 *
 * @param id the session's id
 * @param accountId the account (user id) the session belongs to
 * @param appid the mini program the login was made in
 * @param createdAt when the login was made
 * @param lastUsedAt when the session was last refreshed, or its login when it never was
 * @param expiresAt when the session's refresh token expires unless it is refreshed before
 * @param ip the client's address at login
 * @param userAgent the summary of the client's {@code User-Agent} at login
 * @param device the device label the client sent at login
 */
public record WxLoginSession(String id, String accountId, String appid, Instant createdAt, Instant lastUsedAt,
		Instant expiresAt, @Nullable String ip, @Nullable String userAgent, @Nullable WxLoginDevice device) {
}
