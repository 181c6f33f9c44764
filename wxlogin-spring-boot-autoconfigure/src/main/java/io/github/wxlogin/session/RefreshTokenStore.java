package io.github.wxlogin.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Keeps refresh tokens, by their {@link RefreshTokenId} only (the family and the token's hash), and
 * rotates them: each token is spent once, and presenting a spent token again revokes its whole family
 * (RFC 9700, refresh token rotation).
 * <p>
 * Each family is a login session ({@link WxLoginSession}) of the account it was issued to: the store
 * lists an account's sessions and ends them, one or all. A session lives as long as its family. A
 * session is found and ended only through its account: an id of another account's session is neither
 * listed nor ended, exactly as an unknown one, so that ids cannot be probed.
 */
public interface RefreshTokenStore {

	/** The order of a session list: newest login first, then by id so that every instance agrees. */
	Comparator<WxLoginSession> NEWEST_FIRST = Comparator.comparing(WxLoginSession::createdAt)
		.reversed()
		.thenComparing(WxLoginSession::id);

	/**
	 * Start a session: store the first token of a new family, with where its login came from. A family
	 * that was ended before its first token was stored (by an end-all running at the same time) stays
	 * ended.
	 * @param id the token's id, of the grant's family
	 * @param grant what the token stands for
	 * @param origin where the login came from, shown in the session list
	 */
	void save(RefreshTokenId id, RefreshTokenGrant grant, WxLoginOrigin origin);

	/**
	 * Spend a token and store its successor, atomically: of many concurrent calls with one token at most
	 * one succeeds. A token that was spent before revokes its family and is refused. The successor stands
	 * for what the spent token stood for, until {@code nextExpiresAt}, so that a store can write it in the
	 * same step as the spend without reading the token first. The session's last use and expiry move on
	 * with the successor.
	 * @param id the presented token's id
	 * @param nextId the successor's id, of the same family
	 * @param nextExpiresAt when the successor stops working
	 * @return the spent token's grant, or empty when the token is unknown, expired, revoked or spent
	 */
	Optional<RefreshTokenGrant> rotate(RefreshTokenId id, RefreshTokenId nextId, Instant nextExpiresAt);

	/**
	 * Spend a token and store its successor, as {@link #rotate(RefreshTokenId, RefreshTokenId, Instant)}
	 * does, keeping the successor's {@linkplain RefreshTokenSuccessor#sealed() sealed form} and the time of
	 * the spend with the spent token, so that a client whose reply was lost can present the spent token again.
	 * Presented again within {@code reuseInterval} of its spend, while its family is not revoked and its
	 * successor was not spent (the client did get the reply then), the token is answered
	 * {@linkplain RefreshTokenRotation#replayed replayed} with the successor its rotation stored and nothing
	 * changes; otherwise a spent token revokes its family as before. The same rotation sent again (the same
	 * successor) while the family is not revoked and the successor not spent is answered
	 * {@linkplain RefreshTokenRotation#rotated rotated}, at any time: a caller whose call failed after the store spent the token (its answer lost with
	 * the connection) sends it again. The default never replays: a store that keeps no sealed successor works
	 * as it did.
	 * @param id the presented token's id
	 * @param next the successor, of the same family
	 * @param reuseInterval how long after its spend a token presented again is replayed; zero never
	 * @return what the rotation did
	 */
	default RefreshTokenRotation rotate(RefreshTokenId id, RefreshTokenSuccessor next, Duration reuseInterval) {
		return rotate(id, next.id(), next.expiresAt()).map(RefreshTokenRotation::rotated)
			.orElseGet(RefreshTokenRotation::refused);
	}

	/**
	 * Whether this store can {@link #undoRotation undo a rotation}. A refresh with a store that can spends
	 * the token first and undoes the spend should anything after it fail; with a store that cannot, it
	 * reads the token and checks everything before it spends (one more call to the store).
	 * @return whether {@link #undoRotation} is supported
	 */
	default boolean canUndoRotation() {
		return false;
	}

	/**
	 * Undo a {@link #rotate rotation} whose successor was never handed out, because the refresh failed
	 * after the spend (a database that did not answer, a disabled account): the presented token is usable
	 * again, the successor is gone and the session is as it was. Nothing changes unless the token was spent
	 * by exactly that rotation, its successor was never spent and its family was not revoked since (a
	 * reuse detected meanwhile stands). Calling it twice changes nothing more.
	 * @param id the presented token's id
	 * @param nextId the id of the successor that rotation stored
	 * @return whether the token is usable again
	 */
	default boolean undoRotation(RefreshTokenId id, RefreshTokenId nextId) {
		return false;
	}

	/**
	 * Find the grant of a token that can still be used.
	 * @param id the token's id
	 * @return the grant, or empty when the token is unknown, expired, revoked or spent
	 */
	Optional<RefreshTokenGrant> find(RefreshTokenId id);

	/**
	 * Find the grant of a token that was spent before, so that presenting it again ({@link #rotate}
	 * refused it and revoked its family) is told apart from presenting an unknown token: the reuse of a
	 * refresh token is an event of its own in the audit trail. The default tells nothing apart.
	 * @param id the token's id
	 * @return the grant of the spent token, or empty when the token is unknown, expired or was never spent
	 */
	default Optional<RefreshTokenGrant> findSpent(RefreshTokenId id) {
		return Optional.empty();
	}

	/**
	 * Revoke every token of a family, which ends its session.
	 * @param familyId the family
	 */
	void revokeFamily(String familyId);

	/**
	 * Revoke every token of a family, which ends its session, and keep why: a token of the family presented
	 * afterwards is {@linkplain RefreshTokenRotation#refusal() refused} with that reason. A family revoked
	 * before keeps its first reason. The default keeps no reason.
	 * @param familyId the family
	 * @param reason why
	 */
	default void revokeFamily(String familyId, WxSessionEndReason reason) {
		revokeFamily(familyId);
	}

	/**
	 * Record that a session was used (a guarded request was seen), so that its idle timeout starts again:
	 * its {@link WxLoginSession#lastUsedAt()} moves on. Called at most about once a minute per session. The
	 * default records nothing: a session's use is then its last refresh.
	 * @param accountId the account
	 * @param sessionId the session
	 * @param usedAt when it was used
	 */
	default void touch(String accountId, String sessionId, Instant usedAt) {
	}

	/**
	 * List an account's sessions that can still be refreshed.
	 * @param accountId the account
	 * @return the sessions, {@link #NEWEST_FIRST}
	 */
	List<WxLoginSession> sessions(String accountId);

	/**
	 * End one of an account's sessions: its family is revoked.
	 * @param accountId the account
	 * @param sessionId the session
	 * @return the session ended, or empty when the account has no such session (it is unknown, ended, or
	 * another account's)
	 */
	Optional<WxLoginSession> endSession(String accountId, String sessionId);

	/**
	 * End one of an account's sessions for a reason, as {@link #revokeFamily(String, WxSessionEndReason)}
	 * keeps it. The default keeps no reason.
	 * @param accountId the account
	 * @param sessionId the session
	 * @param reason why
	 * @return the session ended, or empty when the account has no such session
	 */
	default Optional<WxLoginSession> endSession(String accountId, String sessionId, WxSessionEndReason reason) {
		return endSession(accountId, sessionId);
	}

	/**
	 * End every session of an account.
	 * @param accountId the account
	 * @return the sessions ended
	 */
	List<WxLoginSession> endSessions(String accountId);

	/**
	 * End every session of an account for a reason, as {@link #revokeFamily(String, WxSessionEndReason)}
	 * keeps it. The default keeps no reason.
	 * @param accountId the account
	 * @param reason why
	 * @return the sessions ended
	 */
	default List<WxLoginSession> endSessions(String accountId, WxSessionEndReason reason) {
		return endSessions(accountId);
	}

	/**
	 * End the sessions of an account in one mini program beyond the newest {@code max}: with {@code 1},
	 * a login ends the account's older sessions there. Concurrent calls agree on which sessions are the
	 * newest, so they end the same ones.
	 * @param accountId the account
	 * @param appid the mini program
	 * @param max how many sessions the account keeps there, at least 1
	 * @return the sessions ended
	 */
	default List<WxLoginSession> keepNewest(String accountId, String appid, int max) {
		return beyondNewest(sessions(accountId), appid, max).stream()
			.flatMap((session) -> endSession(accountId, session.id(), WxSessionEndReason.SESSION_REPLACED).stream())
			.toList();
	}

	/**
	 * Return the sessions in one mini program beyond the newest {@code max}, those that
	 * {@link #keepNewest} ends.
	 * @param sessions an account's sessions
	 * @param appid the mini program
	 * @param max how many sessions the account keeps there, at least 1
	 * @return the sessions beyond the newest {@code max}, newest first
	 */
	static List<WxLoginSession> beyondNewest(List<WxLoginSession> sessions, String appid, int max) {
		if (max < 1) {
			throw new IllegalArgumentException("An account keeps at least one session");
		}
		return sessions.stream()
			.filter((session) -> session.appid().equals(appid))
			.sorted(NEWEST_FIRST)
			.skip(max)
			.toList();
	}

}
