package io.github.wxlogin.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.event.WxLoginAuditEvent.Action;
import io.github.wxlogin.event.WxLoginAuditEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The login sessions of accounts, for the host's own code as much as for the endpoints: list an account's
 * sessions, end one, end them all (the account was banned, or changed its password or phone), and keep
 * an account to its mini program's limit of sessions when it logs in.
 * <p>
 * Ending a session ends its refresh-token family, so its refresh token is refused at once, and revokes
 * its session id, so every access token issued in it is refused too (the JWT decoder checks the
 * {@code sid} claim): at once on the instance that ended it and for tokens another instance has not seen
 * yet; on other instances that served a token before, as soon as they learn of the revocation (with the
 * Redis store: at its next read of the revocation stream, every {@link RedisTokenRevocationStore#POLL_INTERVAL},
 * so within about a second). The session id is revoked before the family ends: should the second step
 * fail, the session is still listed and ending it again completes it.
 * <p>
 * A session is found and ended only through its account: another account's session id is treated as an
 * unknown one. Each session ended, and each reuse of a spent refresh token, is published as a
 * {@link WxLoginAuditEvent}.
 */
public class WxLoginSessionService {

	private final RefreshTokenStore refreshTokens;

	private final TokenRevocationStore revocations;

	private final Map<String, Integer> maxSessionsPerAccount;

	private final @Nullable Integer otherApps;

	private final Duration accessTokenTtl;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	/**
	 * Create a service.
	 * @param refreshTokens the store of refresh-token families, which are the sessions
	 * @param revocations the store of revoked access tokens and sessions
	 * @param maxSessionsPerAccount how many sessions an account may hold in a mini program, by AppID; a
	 * mini program not named here sets no limit
	 * @param accessTokenTtl the lifetime of an access token, and so how long a session's revocation matters
	 * @param clock the clock that tells when a session was ended
	 */
	public WxLoginSessionService(RefreshTokenStore refreshTokens, TokenRevocationStore revocations,
			Map<String, Integer> maxSessionsPerAccount, Duration accessTokenTtl, Clock clock) {
		this(refreshTokens, revocations, maxSessionsPerAccount, accessTokenTtl, clock, (event) -> {
		});
	}

	/**
	 * Create a service that publishes what it does.
	 * @param refreshTokens the store of refresh-token families, which are the sessions
	 * @param revocations the store of revoked access tokens and sessions
	 * @param maxSessionsPerAccount how many sessions an account may hold in a mini program, by AppID; a
	 * mini program not named here sets no limit
	 * @param accessTokenTtl the lifetime of an access token, and so how long a session's revocation matters
	 * @param clock the clock that tells when a session was ended
	 * @param events where sessions ended and refresh-token reuse are published
	 */
	public WxLoginSessionService(RefreshTokenStore refreshTokens, TokenRevocationStore revocations,
			Map<String, Integer> maxSessionsPerAccount, Duration accessTokenTtl, Clock clock,
			ApplicationEventPublisher events) {
		this(refreshTokens, revocations, maxSessionsPerAccount, null, accessTokenTtl, clock, events);
	}

	/**
	 * Create a service that publishes what it does, whose apps may be added at run time.
	 * @param refreshTokens the store of refresh-token families, which are the sessions
	 * @param revocations the store of revoked access tokens and sessions
	 * @param maxSessionsPerAccount how many sessions an account may hold in a mini program, by AppID
	 * @param otherApps the limit of the mini programs not named there, or {@code null} for none
	 * @param accessTokenTtl the lifetime of an access token, and so how long a session's revocation matters
	 * @param clock the clock that tells when a session was ended
	 * @param events where sessions ended and refresh-token reuse are published
	 */
	public WxLoginSessionService(RefreshTokenStore refreshTokens, TokenRevocationStore revocations,
			Map<String, Integer> maxSessionsPerAccount, @Nullable Integer otherApps, Duration accessTokenTtl,
			Clock clock, ApplicationEventPublisher events) {
		maxSessionsPerAccount.forEach((appid, max) -> {
			if (max < 1) {
				throw new IllegalArgumentException("An account keeps at least one session in " + appid);
			}
		});
		if (otherApps != null && otherApps < 1) {
			throw new IllegalArgumentException("An account keeps at least one session");
		}
		this.refreshTokens = refreshTokens;
		this.revocations = revocations;
		this.maxSessionsPerAccount = Map.copyOf(maxSessionsPerAccount);
		this.otherApps = otherApps;
		this.accessTokenTtl = accessTokenTtl;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * List an account's sessions that can still be refreshed.
	 * @param accountId the account (user id)
	 * @return the sessions, newest login first
	 */
	public List<WxLoginSession> sessions(String accountId) {
		return this.refreshTokens.sessions(accountId);
	}

	/**
	 * End one of an account's sessions.
	 * @param accountId the account (user id)
	 * @param sessionId the session's id
	 * @return the session ended, or empty when the account has no such session (unknown, ended before, or
	 * another account's)
	 */
	public Optional<WxLoginSession> endSession(String accountId, String sessionId) {
		Optional<WxLoginSession> session = sessions(accountId).stream()
			.filter((candidate) -> candidate.id().equals(sessionId))
			.findFirst();
		session.ifPresent(this::end);
		return session;
	}

	/**
	 * End every session of an account: what a ban, a new password or a new phone number calls for.
	 * Logins made while this runs may survive it; a host that bans an account disables it first, so that
	 * it cannot log in again.
	 * @param accountId the account (user id)
	 * @return the sessions ended
	 */
	public List<WxLoginSession> endSessions(String accountId) {
		List<WxLoginSession> listed = sessions(accountId);
		listed.forEach((session) -> revokeAccessTokens(session.id()));
		List<WxLoginSession> ended = this.refreshTokens.endSessions(accountId);
		Set<String> revoked = listed.stream().map(WxLoginSession::id).collect(Collectors.toSet());
		// A login saved between the list and the end-all
		ended.stream()
			.filter((session) -> !revoked.contains(session.id()))
			.forEach((session) -> revokeAccessTokens(session.id()));
		ended.forEach(this::publishEnded);
		return ended;
	}

	/**
	 * End an account's sessions in one mini program, as unlinking the account from it calls for.
	 * @param accountId the account (user id)
	 * @param appid the mini program
	 * @return the sessions ended
	 */
	public List<WxLoginSession> endSessions(String accountId, String appid) {
		return end(sessions(accountId).stream().filter((session) -> session.appid().equals(appid)).toList());
	}

	/**
	 * Keep an account to the limit of sessions its mini program sets: end the sessions beyond the newest
	 * ones there. Called after each login; with a limit of 1, a login ends the account's other sessions in
	 * that mini program (one device at a time).
	 * @param subject the account that logged in, and the mini program it logged in to
	 * @return the sessions ended, none when the mini program sets no limit
	 */
	public List<WxLoginSession> limitSessions(WxPrincipal subject) {
		OptionalInt max = maxSessionsPerAccount(subject.appid());
		if (max.isEmpty()) {
			return List.of();
		}
		return end(RefreshTokenStore.beyondNewest(sessions(subject.userId()), subject.appid(), max.getAsInt()));
	}

	/**
	 * Return how many sessions an account may hold in a mini program.
	 * @param appid the mini program's AppID
	 * @return the limit, or empty when there is none
	 */
	public OptionalInt maxSessionsPerAccount(String appid) {
		Integer max = this.maxSessionsPerAccount.getOrDefault(appid, this.otherApps);
		return (max != null) ? OptionalInt.of(max) : OptionalInt.empty();
	}

	/**
	 * Refuse one access token from now on, as logout does with the token presented.
	 * @param tokenId the token's {@code jti}
	 * @param expiresAt when the token expires, after which its revocation is forgotten
	 */
	public void revokeAccessToken(String tokenId, Instant expiresAt) {
		this.revocations.revoke(tokenId, expiresAt);
	}

	/**
	 * End the session of a refresh token that was presented again after it was spent: its family is
	 * revoked already (by {@link RefreshTokenStore#rotate}); its access tokens are revoked here, since
	 * whoever holds the spent token may hold them too.
	 * @param spent the grant of the spent token
	 */
	public void reuseDetected(RefreshTokenGrant spent) {
		WxPrincipal subject = spent.subject();
		revokeAccessTokens(spent.sessionId());
		this.events.publishEvent(new WxLoginAuditEvent(Action.REFRESH_REUSE_DETECTED, WxLoginAuditEvent.SUCCESS,
				subject.userId(), subject.appid(), subject.openid(), null, spent.sessionId()));
	}

	private List<WxLoginSession> end(List<WxLoginSession> sessions) {
		sessions.forEach(this::end);
		return sessions;
	}

	private void end(WxLoginSession session) {
		revokeAccessTokens(session.id());
		if (this.refreshTokens.endSession(session.accountId(), session.id()).isPresent()) {
			publishEnded(session);
		}
	}

	private void publishEnded(WxLoginSession session) {
		this.events.publishEvent(new WxLoginAuditEvent(Action.SESSION_ENDED, WxLoginAuditEvent.SUCCESS,
				session.accountId(), session.appid(), null, null, session.id()));
	}

	private void revokeAccessTokens(String sessionId) {
		// Every access token of the session was issued by now, so expires within one lifetime from now
		Instant lastExpiry = this.clock.instant().plus(this.accessTokenTtl);
		this.revocations.revoke(sessionId, lastExpiry);
	}

}
