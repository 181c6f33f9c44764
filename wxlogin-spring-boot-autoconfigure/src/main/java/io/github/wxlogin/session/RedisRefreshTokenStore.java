package io.github.wxlogin.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxTenant;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.HashOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link RefreshTokenStore} in Redis, shared by every instance.
 * <p>
 * A token is the hash {@code <prefix>refresh-token:{<familyId>}:<tokenHash>} with the fields
 * {@code family}, {@code user}, {@code openid}, {@code appid}, {@code tenant} (absent in a token saved
 * before tenants, which stands for the default tenant), {@code expires} (epoch milliseconds) and
 * {@code spent} ({@code 0} or {@code 1}); once spent, also {@code next} (its successor's hash) and
 * {@code was-used}, {@code was-expires} (the session's before the spend), so that the rotation can be
 * undone, and {@code spent-at}, {@code next-expires} and {@code sealed} (the successor sealed under a key
 * derived from the spent token, which Redis never holds), so that a retry within the reuse interval is
 * answered with the same successor. It expires with the token, so a spent token stays until then and its reuse is recognised. A
 * revoked family is the key {@code <prefix>refresh-family:{<familyId>}:revoked}, whose value is the
 * revocation's {@link WxSessionEndReason#code() reason} ({@code 1} before reasons were kept), kept for one
 * refresh-token lifetime, as long as any token of the family can live. A family's session is the hash
 * {@code <prefix>refresh-family:{<familyId>}:session} with the fields {@code user}, {@code openid},
 * {@code appid}, {@code created}, {@code used}, {@code expires}, {@code indexed} (until when the account's
 * index holds the family; epoch milliseconds), {@code head} (the hash of the family's live token) and, when known, {@code ip}, {@code ua}, {@code model},
 * {@code platform}, {@code system}; it expires with the family's last token and is deleted when the
 * family is revoked. An account's families are indexed by {@link RedisSessionIndex}.
 * <p>
 * Saving, rotation, its undoing and revocation are each one Lua script (the {@code .lua} resources beside
 * this class), so of two instances that spend one token at the same time only one succeeds and the other
 * revokes the family, as reuse of a spent token does. The scripts' keys (the tokens, the family's
 * revocation and session) share the hash tag {@code {<familyId>}}, which every token carries, so in Redis
 * Cluster they live in one hash slot while families spread over the shards. A rotation is one script and
 * one round trip: the successor is written from the spent token's own fields, and the account's index, in
 * a slot of its own, is written by a login for one refresh-token lifetime beyond the family's expiry, so
 * that it needs raising again only about once a lifetime of an active family (then before the rotation,
 * in two more round trips).
 */
public class RedisRefreshTokenStore implements RefreshTokenStore {

	private static final String FAMILY = "family";

	private static final String USER = "user";

	private static final String OPENID = "openid";

	private static final String APPID = "appid";

	private static final String TENANT = "tenant";

	private static final String EXPIRES = "expires";

	private static final String SPENT = "spent";

	private static final String ROTATED = "rotated";

	private static final String REPLAYED = "replayed";

	private static final String UNINDEXED = "unindexed";

	private static final String REUSED = "reused";

	private static final String IDLE = "idle";

	/** The field of a family's session that names its live token, the one a replay may hand out again. */
	private static final String HEAD = "head";

	/** The field of a family's session that says until when the account's index holds the family. */
	private static final String INDEXED = "indexed";

	/**
	 * Starts a family, unless it was revoked already ({@code refresh-token-save.lua}): its first token and its
	 * session.
	 */
	private final RedisScript<Long> saveScript = RedisScripts.load("refresh-token-save.lua", Long.class);

	/** Revokes a family and deletes its session ({@code refresh-family-revoke.lua}). */
	private final RedisScript<Long> revokeScript = RedisScripts.load("refresh-family-revoke.lua", Long.class);

	/**
	 * Spends a token for its successor in one round trip ({@code refresh-token-rotate.lua}), answering the
	 * outcome ({@value #ROTATED}, {@value #REPLAYED}, {@code reused}, {@value #UNINDEXED} or {@code refused})
	 * and, unless refused, the presented token's family, user, openid, appid, expiry and tenant (then,
	 * replayed, the stored successor's hash, expiry and sealed form). The spent token keeps what
	 * {@link #undoScript} needs to put everything back; the same rotation sent twice (a reply lost with its
	 * connection), while its successor is the family's live token, is answered as rotated rather than taken
	 * for a reuse; a rotation whose successor would
	 * outlive what the account's index holds is answered {@value #UNINDEXED}, for the caller to raise the
	 * index first.
	 */
	@SuppressWarnings("unchecked")
	private final RedisScript<List<String>> rotateScript = RedisScripts.load("refresh-token-rotate.lua",
			(Class<List<String>>) (Class<?>) List.class);

	/**
	 * Puts back the token that a rotation spent, unless its successor was spent since or its family revoked
	 * ({@code refresh-token-undo-rotation.lua}).
	 */
	private final RedisScript<Long> undoScript = RedisScripts.load("refresh-token-undo-rotation.lua", Long.class);

	/** Moves a live session's last use on ({@code session-touch.lua}). */
	private final RedisScript<Long> touchScript = RedisScripts.load("session-touch.lua", Long.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Clock clock;

	private final Duration refreshTokenTtl;

	private final Duration idleTimeout;

	private final RedisSessionIndex index;

	/**
	 * Create a store.
	 * @param redis the Redis client
	 * @param keyPrefix the prefix of every key, such as {@code wxlogin:}
	 * @param clock the clock that tells when a token expired
	 * @param refreshTokenTtl lifetime of a refresh token, and so how long a revoked family is remembered
	 */
	public RedisRefreshTokenStore(StringRedisTemplate redis, String keyPrefix, Clock clock,
			Duration refreshTokenTtl) {
		this(redis, keyPrefix, clock, refreshTokenTtl, Duration.ZERO);
	}

	/**
	 * Create a store whose sessions end when unused for too long.
	 * @param redis the Redis client
	 * @param keyPrefix the prefix of every key, such as {@code wxlogin:}
	 * @param clock the clock that tells when a token expired
	 * @param refreshTokenTtl lifetime of a refresh token, and so how long a revoked family is remembered
	 * @param idleTimeout how long a session may go unused before its refresh is refused, {@link Duration#ZERO}
	 * for no limit
	 */
	public RedisRefreshTokenStore(StringRedisTemplate redis, String keyPrefix, Clock clock,
			Duration refreshTokenTtl, Duration idleTimeout) {
		this.idleTimeout = idleTimeout;
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.clock = clock;
		this.refreshTokenTtl = refreshTokenTtl;
		this.index = new RedisSessionIndex(redis, keyPrefix);
	}

	@Override
	public void save(RefreshTokenId id, RefreshTokenGrant grant, WxLoginOrigin origin) {
		long timeToLive = millisLeft(grant);
		if (timeToLive <= 0) {
			return;
		}
		long now = this.clock.millis();
		// The index first: a family is never live without being found through its account
		long indexedUntil = indexedUntil(grant.expiresAt());
		this.index.raise(grant.subject().userId(), grant.familyId(), indexedUntil, now);
		List<String> tokenFields = fields(grant);
		List<String> args = new ArrayList<>();
		args.add(Long.toString(timeToLive));
		args.add(Integer.toString(tokenFields.size()));
		args.addAll(tokenFields);
		args.addAll(RedisSessionFields.write(grant, origin, now));
		args.add(INDEXED);
		args.add(Long.toString(indexedUntil));
		args.add(HEAD);
		args.add(id.hash());
		this.redis.execute(this.saveScript,
				List.of(tokenKey(id), sessionKey(grant.familyId()), familyKey(grant.familyId())), args.toArray());
	}

	@Override
	public Optional<RefreshTokenGrant> rotate(RefreshTokenId id, RefreshTokenId nextId, Instant nextExpiresAt) {
		return rotate(id, new RefreshTokenSuccessor(nextId, nextExpiresAt, null), Duration.ZERO).rotatedGrant();
	}

	@Override
	public RefreshTokenRotation rotate(RefreshTokenId id, RefreshTokenSuccessor next, Duration reuseInterval) {
		List<String> keys = rotationKeys(id, next.id());
		List<String> reply = rotate(keys, next, reuseInterval, 0);
		if (UNINDEXED.equals(reply.get(0))) {
			// About once a refresh-token lifetime of a family: its index is raised first, as for a new one
			long indexedUntil = indexedUntil(next.expiresAt());
			this.index.raise(reply.get(2), id.familyId(), indexedUntil, this.clock.millis());
			reply = rotate(keys, next, reuseInterval, indexedUntil);
		}
		if (ROTATED.equals(reply.get(0))) {
			return RefreshTokenRotation.rotated(grant(reply));
		}
		if (REPLAYED.equals(reply.get(0))) {
			RefreshTokenSuccessor stored = new RefreshTokenSuccessor(new RefreshTokenId(id.familyId(), reply.get(7)),
					Instant.ofEpochMilli(Long.parseLong(reply.get(8))), reply.get(9));
			return RefreshTokenRotation.replayed(grant(reply), stored);
		}
		if (REUSED.equals(reply.get(0))) {
			return RefreshTokenRotation.refused(null, reasonOf(reply.get(7)));
		}
		if (IDLE.equals(reply.get(0))) {
			return RefreshTokenRotation.refused(grant(reply), WxSessionEndReason.IDLE_TIMEOUT);
		}
		return (reply.size() > 1) ? RefreshTokenRotation.refused(null, reasonOf(reply.get(1)))
				: RefreshTokenRotation.refused();
	}

	/** A family revoked before reasons were kept ('1') was ended by the host, as far as anyone can tell now. */
	private static WxSessionEndReason reasonOf(@Nullable String code) {
		return WxSessionEndReason.ofCode(code).orElse(WxSessionEndReason.SESSION_REVOKED);
	}

	private List<String> rotate(List<String> keys, RefreshTokenSuccessor next, Duration reuseInterval,
			long indexedUntil) {
		long now = this.clock.millis();
		long nextExpiry = next.expiresAt().toEpochMilli();
		boolean replayable = (!reuseInterval.isZero() && !reuseInterval.isNegative()) && next.sealed() != null;
		List<String> reply = this.redis.execute(this.rotateScript, keys, Long.toString(now),
				Long.toString(this.refreshTokenTtl.toMillis()), Long.toString(nextExpiry - now),
				Long.toString(nextExpiry), next.id().hash(), Long.toString(indexedUntil),
				replayable ? next.sealed() : "", Long.toString(reuseInterval.toMillis()),
				Long.toString(Math.max(0, this.idleTimeout.toMillis())));
		return (reply != null && !reply.isEmpty()) ? reply : List.of("refused");
	}

	@Override
	public boolean canUndoRotation() {
		return true;
	}

	@Override
	public boolean undoRotation(RefreshTokenId id, RefreshTokenId nextId) {
		Long undone = this.redis.execute(this.undoScript, rotationKeys(id, nextId), nextId.hash(), id.hash());
		return undone != null && undone == 1;
	}

	@Override
	public Optional<RefreshTokenGrant> find(RefreshTokenId id) {
		return read(id).filter((stored) -> !stored.spent())
			.map(StoredToken::grant)
			.filter((grant) -> grant.expiresAt().isAfter(this.clock.instant()))
			.filter((grant) -> !isRevoked(grant.familyId()));
	}

	@Override
	public Optional<RefreshTokenGrant> findSpent(RefreshTokenId id) {
		return read(id).filter(StoredToken::spent).map(StoredToken::grant);
	}

	@Override
	public void revokeFamily(String familyId) {
		revokeFamily(familyId, WxSessionEndReason.SESSION_REVOKED);
	}

	@Override
	public void revokeFamily(String familyId, WxSessionEndReason reason) {
		this.redis.execute(this.revokeScript, List.of(familyKey(familyId), sessionKey(familyId)),
				Long.toString(this.refreshTokenTtl.toMillis()), reason.code());
	}

	@Override
	public void touch(String accountId, String sessionId, Instant usedAt) {
		for (Map.Entry<String, WxLoginSession> live : liveSessions(accountId).entrySet()) {
			if (live.getValue().id().equals(sessionId)) {
				this.redis.execute(this.touchScript, List.of(sessionKey(live.getKey())),
						Long.toString(usedAt.toEpochMilli()));
				return;
			}
		}
	}

	@Override
	public List<WxLoginSession> sessions(String accountId) {
		List<WxLoginSession> sessions = new ArrayList<>(liveSessions(accountId).values());
		sessions.sort(NEWEST_FIRST);
		return sessions;
	}

	@Override
	public Optional<WxLoginSession> endSession(String accountId, String sessionId) {
		return endSession(accountId, sessionId, WxSessionEndReason.SESSION_REVOKED);
	}

	@Override
	public Optional<WxLoginSession> endSession(String accountId, String sessionId, WxSessionEndReason reason) {
		for (Map.Entry<String, WxLoginSession> live : liveSessions(accountId).entrySet()) {
			if (live.getValue().id().equals(sessionId)) {
				revokeFamily(live.getKey(), reason);
				this.index.remove(accountId, List.of(live.getKey()));
				return Optional.of(live.getValue());
			}
		}
		return Optional.empty();
	}

	@Override
	public List<WxLoginSession> endSessions(String accountId) {
		return endSessions(accountId, WxSessionEndReason.SESSION_REVOKED);
	}

	@Override
	public List<WxLoginSession> endSessions(String accountId, WxSessionEndReason reason) {
		Set<String> families = this.index.families(accountId, this.clock.millis());
		List<WxLoginSession> ended = new ArrayList<>();
		for (String familyId : families) {
			// A member without a session may be a login being saved right now: revoked too, it never starts
			session(accountId, familyId).ifPresent(ended::add);
			revokeFamily(familyId, reason);
		}
		// Only the members ended here: a login saved meanwhile keeps its own
		this.index.remove(accountId, families);
		ended.sort(NEWEST_FIRST);
		return ended;
	}

	/**
	 * The keys of the rotation script, all in the family's hash slot.
	 * @param id the presented token
	 * @param nextId its successor, of the same family
	 * @return the presented token's key, its successor's, the family's revocation, the family's session
	 */
	List<String> rotationKeys(RefreshTokenId id, RefreshTokenId nextId) {
		if (!id.familyId().equals(nextId.familyId())) {
			throw new IllegalArgumentException("A successor stays in the family of the token it replaces");
		}
		return List.of(tokenKey(id), tokenKey(nextId), familyKey(id.familyId()), sessionKey(id.familyId()));
	}

	/**
	 * The account's sessions by family, reading each member of its index; members whose family was
	 * revoked leave the index.
	 */
	private Map<String, WxLoginSession> liveSessions(String accountId) {
		Map<String, WxLoginSession> live = new LinkedHashMap<>();
		List<String> revoked = new ArrayList<>();
		for (String familyId : this.index.families(accountId, this.clock.millis())) {
			Optional<WxLoginSession> session = session(accountId, familyId);
			if (session.isPresent()) {
				live.put(familyId, session.get());
			}
			else if (isRevoked(familyId)) {
				revoked.add(familyId);
			}
		}
		this.index.remove(accountId, revoked);
		return live;
	}

	private Optional<WxLoginSession> session(String accountId, String familyId) {
		HashOperations<String, String, String> hashes = this.redis.opsForHash();
		return RedisSessionFields.read(familyId, hashes.entries(sessionKey(familyId)))
			.filter((session) -> session.accountId().equals(accountId))
			.filter((session) -> session.expiresAt().isAfter(this.clock.instant()));
	}

	private boolean isRevoked(String familyId) {
		return Boolean.TRUE.equals(this.redis.hasKey(familyKey(familyId)));
	}

	private Optional<StoredToken> read(RefreshTokenId id) {
		HashOperations<String, String, String> hashes = this.redis.opsForHash();
		Map<String, String> fields = hashes.entries(tokenKey(id));
		if (fields.isEmpty()) {
			return Optional.empty();
		}
		WxPrincipal subject = new WxPrincipal(fields.get(USER), fields.get(OPENID), fields.get(APPID),
				tenant(fields.get(TENANT)));
		RefreshTokenGrant grant = new RefreshTokenGrant(fields.get(FAMILY), subject,
				Instant.ofEpochMilli(Long.parseLong(fields.get(EXPIRES))));
		return Optional.of(new StoredToken(grant, "1".equals(fields.get(SPENT))));
	}

	/**
	 * The grant in a reply of {@link #rotateScript}: family, user, openid, appid, expiry and tenant after the
	 * outcome.
	 */
	private static RefreshTokenGrant grant(List<String> reply) {
		return new RefreshTokenGrant(reply.get(1),
				new WxPrincipal(reply.get(2), reply.get(3), reply.get(4), tenant(reply.get(6))),
				Instant.ofEpochMilli(Long.parseLong(reply.get(5))));
	}

	/** A token saved before tenants has none: its account is of the default tenant. */
	private static String tenant(@Nullable String stored) {
		return (stored != null && !stored.isEmpty()) ? stored : WxTenant.DEFAULT;
	}

	/**
	 * Until when the account's index is made to hold a family that expires at the given instant: one
	 * refresh-token lifetime beyond, so that the family's rotations find it held and raise it again only
	 * about once a lifetime.
	 */
	private long indexedUntil(Instant expiresAt) {
		return expiresAt.toEpochMilli() + this.refreshTokenTtl.toMillis();
	}

	private static List<String> fields(RefreshTokenGrant grant) {
		return List.of(FAMILY, grant.familyId(), USER, grant.subject().userId(), OPENID, grant.subject().openid(),
				APPID, grant.subject().appid(), TENANT, grant.subject().tenant(), EXPIRES,
				Long.toString(grant.expiresAt().toEpochMilli()), SPENT, "0");
	}

	private long millisLeft(RefreshTokenGrant grant) {
		return grant.expiresAt().toEpochMilli() - this.clock.millis();
	}

	private String tokenKey(RefreshTokenId id) {
		return this.keyPrefix + "refresh-token:" + hashTag(id.familyId()) + ":" + id.hash();
	}

	private String familyKey(String familyId) {
		return this.keyPrefix + "refresh-family:" + hashTag(familyId) + ":revoked";
	}

	private String sessionKey(String familyId) {
		return this.keyPrefix + "refresh-family:" + hashTag(familyId) + ":session";
	}

	/** Redis Cluster hashes only what is between the first braces of a key. */
	private static String hashTag(String familyId) {
		return "{" + familyId + "}";
	}

	private record StoredToken(RefreshTokenGrant grant, boolean spent) {
	}

}
