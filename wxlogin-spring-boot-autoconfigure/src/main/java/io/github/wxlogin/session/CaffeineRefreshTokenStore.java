package io.github.wxlogin.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;

/**
 * {@link RefreshTokenStore} in this instance's memory. Spent tokens stay until they expire so that their
 * reuse is recognised; each keeps its successor's hash and sealed form (never the successor), so that a
 * retry within the reuse interval is answered with the same successor.
 * <p>
 * A session is kept by its family id until the family's last token expires; each account's families are
 * indexed with their expiries, the index entry leaving when the last of them expires. Everything that
 * changes an account's index (a login, an ending) runs under that account's entry, so that an end-all
 * and a login at the same time cannot miss each other.
 */
public class CaffeineRefreshTokenStore implements RefreshTokenStore {

	private final Clock clock;

	private final Cache<String, StoredToken> tokens;

	private final Duration idleTimeout;

	private final Cache<String, WxSessionEndReason> revokedFamilies;

	private final Cache<String, WxLoginSession> sessions;

	private final Cache<String, Map<String, Instant>> familiesByAccount;

	/**
	 * Create a store.
	 * @param clock the clock that tells when a token expired
	 * @param refreshTokenTtl lifetime of a refresh token, and so how long a revoked family is remembered
	 */
	public CaffeineRefreshTokenStore(Clock clock, Duration refreshTokenTtl) {
		this(clock, refreshTokenTtl, Duration.ZERO);
	}

	/**
	 * Create a store whose sessions end when unused for too long.
	 * @param clock the clock that tells when a token expired
	 * @param refreshTokenTtl lifetime of a refresh token, and so how long a revoked family is remembered
	 * @param idleTimeout how long a session may go unused before its refresh is refused, {@link Duration#ZERO}
	 * for no limit
	 */
	public CaffeineRefreshTokenStore(Clock clock, Duration refreshTokenTtl, Duration idleTimeout) {
		this.clock = clock;
		this.idleTimeout = idleTimeout;
		this.tokens = Caffeine.newBuilder()
			.expireAfter(Expiry.creating((String hash, StoredToken token) -> TimeLeft.until(clock, token.grant().expiresAt())))
			.build();
		this.revokedFamilies = Caffeine.newBuilder().expireAfterWrite(refreshTokenTtl).build();
		this.sessions = Caffeine.newBuilder()
			.expireAfter(Expiry.writing((String familyId, WxLoginSession session) -> TimeLeft.until(clock, session.expiresAt())))
			.build();
		this.familiesByAccount = Caffeine.newBuilder()
			.expireAfter(Expiry.writing((String account, Map<String, Instant> families) -> TimeLeft.until(clock,
					Collections.max(families.values()))))
			.build();
	}

	@Override
	public void save(RefreshTokenId id, RefreshTokenGrant grant, WxLoginOrigin origin) {
		String accountId = grant.subject().userId();
		this.familiesByAccount.asMap().compute(accountId, (account, families) -> {
			if (this.revokedFamilies.getIfPresent(grant.familyId()) != null) {
				return families;
			}
			Instant now = this.clock.instant();
			this.sessions.put(grant.familyId(), new WxLoginSession(grant.sessionId(), accountId, grant.subject().appid(),
					now, now, grant.expiresAt(), origin.ip(), origin.userAgent(), origin.device()));
			this.tokens.put(id.hash(), StoredToken.unspent(grant));
			return with(families, grant.familyId(), grant.expiresAt());
		});
	}

	@Override
	public Optional<RefreshTokenGrant> rotate(RefreshTokenId id, RefreshTokenId nextId, Instant nextExpiresAt) {
		return rotate(id, new RefreshTokenSuccessor(nextId, nextExpiresAt, null), Duration.ZERO).rotatedGrant();
	}

	@Override
	public RefreshTokenRotation rotate(RefreshTokenId id, RefreshTokenSuccessor next, Duration reuseInterval) {
		Instant now = this.clock.instant();
		AtomicReference<StoredToken> before = new AtomicReference<>();
		this.tokens.asMap().computeIfPresent(id.hash(), (hash, stored) -> {
			before.set(stored);
			// An expired token or a revoked family is refused, not spent
			return (stored.spent() || !isUsable(stored.grant())) ? stored
					: stored.spentFor(new Spend(next.id().hash(), now, next.expiresAt(),
							(!reuseInterval.isZero() && !reuseInterval.isNegative()) ? next.sealed() : null,
							this.sessions.getIfPresent(stored.grant().familyId())));
		});
		StoredToken spent = before.get();
		if (spent == null) {
			return RefreshTokenRotation.refused();
		}
		if (spent.spent()) {
			if (isSentAgain(spent, next)) {
				return RefreshTokenRotation.rotated(spent.grant());
			}
			RefreshTokenSuccessor replayed = replayable(spent, now, reuseInterval);
			if (replayed != null) {
				return RefreshTokenRotation.replayed(spent.grant(), replayed);
			}
			revokeFamily(spent.grant().familyId(), WxSessionEndReason.REUSE_DETECTED);
			return RefreshTokenRotation.refused(null, refusal(spent.grant()));
		}
		if (!isUsable(spent.grant())) {
			return RefreshTokenRotation.refused(null, refusal(spent.grant()));
		}
		WxLoginSession used = this.sessions.getIfPresent(spent.grant().familyId());
		if (used != null && isIdle(used, now)) {
			// Spent above, but the family ends with it: nothing of it can be used again
			revokeFamily(spent.grant().familyId(), WxSessionEndReason.IDLE_TIMEOUT);
			return RefreshTokenRotation.refused(spent.grant(), WxSessionEndReason.IDLE_TIMEOUT);
		}
		RefreshTokenGrant successor = new RefreshTokenGrant(spent.grant().familyId(), spent.grant().subject(),
				next.expiresAt());
		this.tokens.put(next.id().hash(), StoredToken.unspent(successor));
		this.familiesByAccount.asMap().computeIfPresent(successor.subject().userId(), (account, families) -> {
			this.sessions.asMap().computeIfPresent(successor.familyId(), (familyId, session) -> new WxLoginSession(
					session.id(), session.accountId(), session.appid(), session.createdAt(), this.clock.instant(),
					successor.expiresAt(), session.ip(), session.userAgent(), session.device()));
			return families.containsKey(successor.familyId())
					? with(families, successor.familyId(), successor.expiresAt()) : families;
		});
		return RefreshTokenRotation.rotated(spent.grant());
	}

	/**
	 * Whether a spent token is presented again for the successor it was spent for, while its family is not
	 * revoked and that successor not spent: the same rotation sent again by a caller that never got the answer.
	 */
	private boolean isSentAgain(StoredToken token, RefreshTokenSuccessor next) {
		Spend spend = token.spend();
		if (spend == null || !next.id().hash().equals(spend.next())
				|| this.revokedFamilies.getIfPresent(token.grant().familyId()) != null) {
			return false;
		}
		StoredToken successor = this.tokens.getIfPresent(spend.next());
		return successor != null && !successor.spent();
	}

	/**
	 * The successor of a spent token presented again, when that is a lost reply's retry rather than a
	 * reuse: within the interval, the family not revoked and the successor not spent itself. A successor
	 * not written yet (its rotation is still under way) is not spent either.
	 */
	private @Nullable RefreshTokenSuccessor replayable(StoredToken token, Instant now, Duration reuseInterval) {
		Spend spend = token.spend();
		if (spend == null || spend.sealedNext() == null || !now.isBefore(spend.at().plus(reuseInterval))
				|| this.revokedFamilies.getIfPresent(token.grant().familyId()) != null) {
			return null;
		}
		StoredToken successor = this.tokens.getIfPresent(spend.next());
		if (successor != null && successor.spent()) {
			return null;
		}
		return new RefreshTokenSuccessor(new RefreshTokenId(token.grant().familyId(), spend.next()),
				spend.nextExpiresAt(), spend.sealedNext());
	}

	@Override
	public boolean canUndoRotation() {
		return true;
	}

	@Override
	public boolean undoRotation(RefreshTokenId id, RefreshTokenId nextId) {
		StoredToken successor = this.tokens.getIfPresent(nextId.hash());
		if (successor == null || successor.spent() || !isUsable(successor.grant())) {
			return false;
		}
		AtomicReference<StoredToken> undone = new AtomicReference<>();
		this.tokens.asMap().computeIfPresent(id.hash(), (hash, stored) -> {
			if (!stored.spent() || stored.spend() == null || !nextId.hash().equals(stored.spend().next())) {
				return stored;
			}
			undone.set(stored);
			return StoredToken.unspent(stored.grant());
		});
		StoredToken spent = undone.get();
		if (spent == null) {
			return false;
		}
		this.tokens.invalidate(nextId.hash());
		WxLoginSession sessionBefore = (spent.spend() != null) ? spent.spend().sessionBefore() : null;
		if (sessionBefore != null) {
			this.sessions.asMap().computeIfPresent(spent.grant().familyId(), (familyId, session) -> sessionBefore);
		}
		return true;
	}

	@Override
	public Optional<RefreshTokenGrant> find(RefreshTokenId id) {
		StoredToken stored = this.tokens.getIfPresent(id.hash());
		return (stored != null && !stored.spent() && isUsable(stored.grant())) ? Optional.of(stored.grant())
				: Optional.empty();
	}

	@Override
	public Optional<RefreshTokenGrant> findSpent(RefreshTokenId id) {
		StoredToken stored = this.tokens.getIfPresent(id.hash());
		return (stored != null && stored.spent()) ? Optional.of(stored.grant()) : Optional.empty();
	}

	@Override
	public void revokeFamily(String familyId) {
		revokeFamily(familyId, WxSessionEndReason.SESSION_REVOKED);
	}

	@Override
	public void revokeFamily(String familyId, WxSessionEndReason reason) {
		this.revokedFamilies.asMap().putIfAbsent(familyId, reason);
		this.sessions.invalidate(familyId);
	}

	@Override
	public void touch(String accountId, String sessionId, Instant usedAt) {
		Map<String, Instant> families = this.familiesByAccount.getIfPresent(accountId);
		if (families == null) {
			return;
		}
		for (String familyId : families.keySet()) {
			WxLoginSession session = liveSession(familyId);
			if (session != null && session.id().equals(sessionId)) {
				this.sessions.asMap().computeIfPresent(familyId, (id, live) -> live.lastUsedAt().isBefore(usedAt)
						? new WxLoginSession(live.id(), live.accountId(), live.appid(), live.createdAt(), usedAt,
								live.expiresAt(), live.ip(), live.userAgent(), live.device())
						: live);
				return;
			}
		}
	}

	/** Why a token of a family no longer works: the family's revocation, or else its expiry. */
	private WxSessionEndReason refusal(RefreshTokenGrant grant) {
		WxSessionEndReason revoked = this.revokedFamilies.getIfPresent(grant.familyId());
		return (revoked != null) ? revoked : WxSessionEndReason.EXPIRED;
	}

	private boolean isIdle(WxLoginSession session, Instant now) {
		return !this.idleTimeout.isZero() && !this.idleTimeout.isNegative()
				&& !session.lastUsedAt().plus(this.idleTimeout).isAfter(now);
	}

	@Override
	public List<WxLoginSession> sessions(String accountId) {
		Map<String, Instant> families = this.familiesByAccount.getIfPresent(accountId);
		if (families == null) {
			return List.of();
		}
		List<WxLoginSession> live = new ArrayList<>();
		families.keySet().forEach((familyId) -> {
			WxLoginSession session = liveSession(familyId);
			if (session != null) {
				live.add(session);
			}
		});
		live.sort(NEWEST_FIRST);
		return live;
	}

	@Override
	public Optional<WxLoginSession> endSession(String accountId, String sessionId) {
		List<WxLoginSession> ended = end(accountId, (session) -> session.id().equals(sessionId));
		return ended.stream().findFirst();
	}

	@Override
	public Optional<WxLoginSession> endSession(String accountId, String sessionId, WxSessionEndReason reason) {
		return end(accountId, (session) -> session.id().equals(sessionId), reason).stream().findFirst();
	}

	@Override
	public List<WxLoginSession> endSessions(String accountId) {
		return end(accountId, (session) -> true);
	}

	@Override
	public List<WxLoginSession> endSessions(String accountId, WxSessionEndReason reason) {
		return end(accountId, (session) -> true, reason);
	}

	private List<WxLoginSession> end(String accountId, Predicate<WxLoginSession> which) {
		return end(accountId, which, WxSessionEndReason.SESSION_REVOKED);
	}

	private List<WxLoginSession> end(String accountId, Predicate<WxLoginSession> which,
			WxSessionEndReason reason) {
		List<WxLoginSession> ended = new ArrayList<>();
		this.familiesByAccount.asMap().computeIfPresent(accountId, (account, families) -> {
			Map<String, Instant> left = new HashMap<>(families);
			families.keySet().forEach((familyId) -> {
				WxLoginSession session = liveSession(familyId);
				if (session == null || which.test(session)) {
					left.remove(familyId);
				}
				if (session != null && which.test(session)) {
					revokeFamily(familyId, reason);
					ended.add(session);
				}
			});
			return left.isEmpty() ? null : Map.copyOf(left);
		});
		ended.sort(NEWEST_FIRST);
		return ended;
	}

	private @Nullable WxLoginSession liveSession(String familyId) {
		WxLoginSession session = this.sessions.getIfPresent(familyId);
		return (session != null && session.expiresAt().isAfter(this.clock.instant())
				&& this.revokedFamilies.getIfPresent(familyId) == null) ? session : null;
	}

	private Map<String, Instant> with(@Nullable Map<String, Instant> families, String familyId, Instant expiresAt) {
		Map<String, Instant> updated = new HashMap<>();
		Instant now = this.clock.instant();
		if (families != null) {
			// Expired families leave the index as it changes
			families.forEach((id, expiry) -> {
				if (expiry.isAfter(now)) {
					updated.put(id, expiry);
				}
			});
		}
		updated.put(familyId, expiresAt);
		return Map.copyOf(updated);
	}

	private boolean isUsable(RefreshTokenGrant grant) {
		return grant.expiresAt().isAfter(this.clock.instant())
				&& this.revokedFamilies.getIfPresent(grant.familyId()) == null;
	}

	/**
	 * A token, and once spent: how, so that the rotation can be undone and a lost reply answered again.
	 */
	private record StoredToken(RefreshTokenGrant grant, boolean spent, @Nullable Spend spend) {

		static StoredToken unspent(RefreshTokenGrant grant) {
			return new StoredToken(grant, false, null);
		}

		StoredToken spentFor(Spend spend) {
			return new StoredToken(this.grant, true, spend);
		}

	}

	/**
	 * The spend of a token: its successor's hash, when, the successor's expiry and sealed form (never the
	 * successor itself), and the session as it was before.
	 */
	private record Spend(String next, Instant at, Instant nextExpiresAt, @Nullable String sealedNext,
			@Nullable WxLoginSession sessionBefore) {
	}

}
