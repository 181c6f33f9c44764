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
import io.github.wxlogin.event.WxLoginAuditEvent;
import io.github.wxlogin.event.WxLoginAuditEvent.Action;
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
 * Every ending has a {@link WxSessionEndReason}, which travels with the revocations: a client whose token
 * is refused afterwards is told why, on every instance. Without a reason, the host's own calls end
 * sessions as {@link WxSessionEndReason#SESSION_REVOKED}.
 * <p>
 * A session is found and ended only through its account: another account's session id is treated as an
 * unknown one. Each session ended, and each reuse of a spent refresh token, is published as a
 * {@link WxLoginAuditEvent} with its reason.
 */
public class WxLoginSessionService {

	private final RefreshTokenStore refreshTokens;

	private final TokenRevocationStore revocations;

	private final Map<String, Integer> maxSessionsPerAccount;

	private final @Nullable Integer otherApps;

	private final Duration accessTokenTtl;

	private final Duration idleTimeout;

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
		this(refreshTokens, revocations, maxSessionsPerAccount, otherApps, accessTokenTtl, Duration.ZERO, clock,
				events);
	}

	/**
	 * Create a service whose sessions end when unused for too long.
	 * @param refreshTokens the store of refresh-token families, which are the sessions; it enforces the idle
	 * timeout at refresh, so it is given the same one
	 * @param revocations the store of revoked access tokens and sessions
	 * @param maxSessionsPerAccount how many sessions an account may hold in a mini program, by AppID
	 * @param otherApps the limit of the mini programs not named there, or {@code null} for none
	 * @param accessTokenTtl the lifetime of an access token, and so how long a session's revocation matters
	 * @param idleTimeout how long a session may go unused (no refresh, no guarded request seen) before it
	 * ends; {@link Duration#ZERO} for no limit
	 * @param clock the clock that tells when a session was ended
	 * @param events where sessions ended and refresh-token reuse are published
	 */
	public WxLoginSessionService(RefreshTokenStore refreshTokens, TokenRevocationStore revocations,
			Map<String, Integer> maxSessionsPerAccount, @Nullable Integer otherApps, Duration accessTokenTtl,
			Duration idleTimeout, Clock clock, ApplicationEventPublisher events) {
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
		this.idleTimeout = idleTimeout;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * List an account's sessions that can still be refreshed; with an idle timeout, a session unused for
	 * longer is not listed (its next refresh is refused).
	 * @param accountId the account (user id)
	 * @return the sessions, newest login first
	 */
	public List<WxLoginSession> sessions(String accountId) {
		List<WxLoginSession> sessions = this.refreshTokens.sessions(accountId);
		if (!idleTimeoutEnabled()) {
			return sessions;
		}
		Instant now = this.clock.instant();
		return sessions.stream().filter((session) -> idleExpiresAt(session, this.idleTimeout).isAfter(now)).toList();
	}

	/**
	 * Return when a session ends unless it is used before, by the idle timeout.
	 * @param session the session
	 * @return its last use plus the idle timeout, or empty when there is no idle timeout
	 */
	public Optional<Instant> idleExpiresAt(WxLoginSession session) {
		return idleTimeoutEnabled() ? Optional.of(idleExpiresAt(session, this.idleTimeout)) : Optional.empty();
	}

	private static Instant idleExpiresAt(WxLoginSession session, Duration idleTimeout) {
		return session.lastUsedAt().plus(idleTimeout);
	}

	private boolean idleTimeoutEnabled() {
		return !this.idleTimeout.isZero() && !this.idleTimeout.isNegative();
	}

	/**
	 * Return how long a session may go unused before it ends.
	 * @return the idle timeout, {@link Duration#ZERO} for none
	 */
	public Duration idleTimeout() {
		return this.idleTimeout;
	}

	/**
	 * End one of an account's sessions as the host (its back office, its own code): its tokens are refused
	 * from now on with {@link WxSessionEndReason#SESSION_REVOKED}.
	 * @param accountId the account (user id)
	 * @param sessionId the session's id
	 * @return the session ended, or empty when the account has no such session (unknown, ended before, or
	 * another account's)
	 */
	public Optional<WxLoginSession> endSession(String accountId, String sessionId) {
		return endSession(accountId, sessionId, WxSessionEndReason.SESSION_REVOKED);
	}

	/**
	 * End one of an account's sessions; its tokens are refused from now on with the reason given.
	 * @param accountId the account (user id)
	 * @param sessionId the session's id
	 * @param reason why, such as {@link WxSessionEndReason#SESSION_ENDED} when its user ended it
	 * @return the session ended, or empty when the account has no such session (unknown, ended before, or
	 * another account's)
	 */
	public Optional<WxLoginSession> endSession(String accountId, String sessionId, WxSessionEndReason reason) {
		Optional<WxLoginSession> session = this.refreshTokens.sessions(accountId)
			.stream()
			.filter((candidate) -> candidate.id().equals(sessionId))
			.findFirst();
		session.ifPresent((ending) -> end(ending, reason));
		return session;
	}

	/**
	 * End every session of an account as the host: a new password or a new phone number calls for it; its
	 * tokens are refused from now on with {@link WxSessionEndReason#SESSION_REVOKED}.
	 * @param accountId the account (user id)
	 * @return the sessions ended
	 * @see #endSessions(String, WxSessionEndReason)
	 */
	public List<WxLoginSession> endSessions(String accountId) {
		return endSessions(accountId, WxSessionEndReason.SESSION_REVOKED);
	}

	/**
	 * End every session of an account, for a reason its clients are told: every refresh token and access
	 * token of the account is refused from now on with that reason, on every instance, and each session
	 * ended is published ({@link Action#SESSION_ENDED}) with it. This is what disabling
	 * ({@link WxSessionEndReason#ACCOUNT_DISABLED}), deleting ({@link WxSessionEndReason#ACCOUNT_DELETED}) or
	 * merging away ({@link WxSessionEndReason#ACCOUNT_MERGED}) an account calls, and logging out everywhere
	 * ({@link WxSessionEndReason#SESSION_ENDED}). Logins made while this runs may survive it; a caller that
	 * bans or deletes an account changes the account first, so that it cannot log in again.
	 * @param accountId the account (user id)
	 * @param reason why
	 * @return the sessions ended
	 */
	public List<WxLoginSession> endSessions(String accountId, WxSessionEndReason reason) {
		List<WxLoginSession> listed = this.refreshTokens.sessions(accountId);
		listed.forEach((session) -> revokeAccessTokens(session.id(), reason));
		List<WxLoginSession> ended = this.refreshTokens.endSessions(accountId, reason);
		Set<String> revoked = listed.stream().map(WxLoginSession::id).collect(Collectors.toSet());
		// A login saved between the list and the end-all
		ended.stream()
			.filter((session) -> !revoked.contains(session.id()))
			.forEach((session) -> revokeAccessTokens(session.id(), reason));
		ended.forEach((session) -> publishEnded(session, reason));
		return ended;
	}

	/**
	 * End an account's sessions in one mini program as the host, as unlinking the account from it calls for.
	 * @param accountId the account (user id)
	 * @param appid the mini program
	 * @return the sessions ended
	 */
	public List<WxLoginSession> endSessions(String accountId, String appid) {
		return endSessions(accountId, appid, WxSessionEndReason.SESSION_REVOKED);
	}

	/**
	 * End an account's sessions in one mini program, as unlinking the account from it calls for.
	 * @param accountId the account (user id)
	 * @param appid the mini program
	 * @param reason why
	 * @return the sessions ended
	 */
	public List<WxLoginSession> endSessions(String accountId, String appid, WxSessionEndReason reason) {
		return end(this.refreshTokens.sessions(accountId)
			.stream()
			.filter((session) -> session.appid().equals(appid))
			.toList(), reason);
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
		return end(RefreshTokenStore.beyondNewest(this.refreshTokens.sessions(subject.userId()), subject.appid(),
				max.getAsInt()), WxSessionEndReason.SESSION_REPLACED);
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
	 * Refuse one access token from now on, as logout does with the token presented
	 * ({@link WxSessionEndReason#SESSION_ENDED}).
	 * @param tokenId the token's {@code jti}
	 * @param expiresAt when the token expires, after which its revocation is forgotten
	 */
	public void revokeAccessToken(String tokenId, Instant expiresAt) {
		this.revocations.revoke(tokenId, expiresAt, WxSessionEndReason.SESSION_ENDED);
	}

	/**
	 * End the session of a refresh token that was presented again after it was spent: its family is
	 * revoked already (by {@link RefreshTokenStore#rotate}); its access tokens are revoked here, since
	 * whoever holds the spent token may hold them too.
	 * @param spent the grant of the spent token
	 */
	public void reuseDetected(RefreshTokenGrant spent) {
		WxPrincipal subject = spent.subject();
		revokeAccessTokens(spent.sessionId(), WxSessionEndReason.REUSE_DETECTED);
		this.events.publishEvent(new WxLoginAuditEvent(Action.REFRESH_REUSE_DETECTED, WxLoginAuditEvent.SUCCESS,
				subject.userId(), subject.appid(), subject.openid(), null, spent.sessionId(),
				WxSessionEndReason.REUSE_DETECTED.code()));
	}

	/**
	 * End the session of a refresh token refused for being idle too long: the store revoked its family with
	 * {@link WxSessionEndReason#IDLE_TIMEOUT}; its access tokens are revoked here, with the same reason.
	 * @param grant the grant of the refused token
	 */
	public void idleTimedOut(RefreshTokenGrant grant) {
		revokeAccessTokens(grant.sessionId(), WxSessionEndReason.IDLE_TIMEOUT);
		WxPrincipal subject = grant.subject();
		this.events.publishEvent(new WxLoginAuditEvent(Action.SESSION_ENDED, WxLoginAuditEvent.SUCCESS,
				subject.userId(), subject.appid(), null, null, grant.sessionId(), WxSessionEndReason.IDLE_TIMEOUT.code()));
	}

	private List<WxLoginSession> end(List<WxLoginSession> sessions, WxSessionEndReason reason) {
		sessions.forEach((session) -> end(session, reason));
		return sessions;
	}

	private void end(WxLoginSession session, WxSessionEndReason reason) {
		revokeAccessTokens(session.id(), reason);
		if (this.refreshTokens.endSession(session.accountId(), session.id(), reason).isPresent()) {
			publishEnded(session, reason);
		}
	}

	private void publishEnded(WxLoginSession session, WxSessionEndReason reason) {
		this.events.publishEvent(new WxLoginAuditEvent(Action.SESSION_ENDED, WxLoginAuditEvent.SUCCESS,
				session.accountId(), session.appid(), null, null, session.id(), reason.code()));
	}

	private void revokeAccessTokens(String sessionId, WxSessionEndReason reason) {
		// Every access token of the session was issued by now, so expires within one lifetime from now
		Instant lastExpiry = this.clock.instant().plus(this.accessTokenTtl);
		this.revocations.revoke(sessionId, lastExpiry, reason);
	}

}
