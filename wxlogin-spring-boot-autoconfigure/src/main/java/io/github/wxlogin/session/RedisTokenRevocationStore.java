package io.github.wxlogin.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link TokenRevocationStore} in Redis, shared by every instance.
 * <p>
 * A revoked token is the key {@code <prefix>revoked-jti:<jti>}, whose value is the revocation's reason
 * ({@link WxSessionEndReason#code()}; a value written before reasons, the token's expiry, reads as
 * {@code session_revoked}) and which expires with the token, plus the clock skew that the decoder tolerates.
 * Each revocation is also appended to the stream {@code <prefix>revocations} (fields {@code jti},
 * {@code exp} and {@code reason}), so that every instance knows why, which keeps the revocations of one access-token lifetime: every instance follows that
 * stream, polling it every {@link #POLL_INTERVAL}, into a copy in its own memory. A token this instance
 * verified before is then checked against that copy ({@link #isKnownRevoked}) with no call to Redis, and
 * a revocation made on any instance is honoured on every other within about a second. While Redis is
 * down the copy stays as it was (nobody can revoke then); when Redis is back the instance reads on from
 * where it stopped, so it misses nothing. Every command touches one key, so on Redis Cluster they spread
 * over the shards (the stream lives on one).
 */
public class RedisTokenRevocationStore implements TokenRevocationStore, SmartLifecycle {

	/** How often each instance reads the revocations made since its last look. */
	public static final Duration POLL_INTERVAL = Duration.ofMillis(500);

	private static final Log logger = LogFactory.getLog(RedisTokenRevocationStore.class);

	private static final long BATCH = 500;

	private static final String JTI = "jti";

	private static final String EXPIRES = "exp";

	private static final String REASON = "reason";

	/**
	 * Appends a revocation to the stream and drops those whose tokens have all expired, reckoned on Redis' own
	 * clock ({@code revocation-append.lua}).
	 */
	private final RedisScript<String> appendScript = RedisScripts.load("revocation-append.lua", String.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Clock clock;

	private final Duration clockSkew;

	private final Duration retention;

	private final Cache<String, CaffeineTokenRevocationStore.Revocation> known;

	private volatile String lastSeen = "0-0";

	private volatile boolean following = true;

	private @Nullable ScheduledExecutorService poller;

	/**
	 * Create a store.
	 * @param redis the Redis client
	 * @param keyPrefix the prefix of every key, such as {@code wxlogin:}
	 * @param clock the clock that tells how long a token has left
	 * @param clockSkew the tolerance on {@code exp} of the decoder
	 * @param accessTokenTtl the lifetime of an access token, and so how long a revocation can matter
	 */
	public RedisTokenRevocationStore(StringRedisTemplate redis, String keyPrefix, Clock clock, Duration clockSkew,
			Duration accessTokenTtl) {
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.clock = clock;
		this.clockSkew = clockSkew;
		this.retention = accessTokenTtl.plus(clockSkew);
		this.known = CaffeineTokenRevocationStore.Revocation.cache(clock, clockSkew);
	}

	@Override
	public void revoke(String jti, Instant expiresAt) {
		revoke(jti, expiresAt, WxSessionEndReason.SESSION_REVOKED);
	}

	@Override
	public void revoke(String jti, Instant expiresAt, WxSessionEndReason reason) {
		Duration left = TimeLeft.until(this.clock, expiresAt.plus(this.clockSkew));
		if (left.toMillis() <= 0) {
			// The decoder refuses the token anyway
			return;
		}
		// The stream first: once it holds the revocation, every instance learns of it even if the key
		// below is never written (a failure here answers 503 and the client tries again)
		this.redis.execute(this.appendScript, List.of(streamKey()), Long.toString(this.retention.toMillis()), jti,
				Long.toString(expiresAt.toEpochMilli()), reason.code());
		this.redis.opsForValue().set(key(jti), reason.code(), left);
		this.known.put(jti, new CaffeineTokenRevocationStore.Revocation(expiresAt, reason));
	}

	@Override
	public boolean isRevoked(String jti) {
		return revocation(jti).isPresent();
	}

	@Override
	public Optional<WxSessionEndReason> revocation(String jti) {
		Optional<WxSessionEndReason> known = knownRevocation(jti);
		if (known.isPresent()) {
			return known;
		}
		String stored = this.redis.opsForValue().get(key(jti));
		return (stored != null) ? Optional.of(reasonOf(stored)) : Optional.empty();
	}

	@Override
	public boolean isKnownRevoked(String jti) {
		return knownRevocation(jti).isPresent();
	}

	@Override
	public Optional<WxSessionEndReason> knownRevocation(String jti) {
		return Optional.ofNullable(this.known.getIfPresent(jti)).map(CaffeineTokenRevocationStore.Revocation::reason);
	}

	/**
	 * Read the revocations appended since the last look into this instance's copy.
	 */
	void catchUp() {
		List<MapRecord<String, Object, Object>> records;
		do {
			records = this.redis.opsForStream()
				.read(StreamReadOptions.empty().count(BATCH), StreamOffset.create(streamKey(), ReadOffset.from(this.lastSeen)));
			if (records == null) {
				return;
			}
			for (MapRecord<String, Object, Object> record : records) {
				remember(record.getValue());
				this.lastSeen = record.getId().getValue();
			}
		}
		while (records.size() == BATCH);
	}

	private void remember(Map<Object, Object> revocation) {
		Object jti = revocation.get(JTI);
		Object expires = revocation.get(EXPIRES);
		if (jti != null && expires != null) {
			Object reason = revocation.get(REASON);
			this.known.put(jti.toString(), new CaffeineTokenRevocationStore.Revocation(
					Instant.ofEpochMilli(Long.parseLong(expires.toString())),
					reasonOf((reason != null) ? reason.toString() : null)));
		}
	}

	/** A revocation written before reasons were kept was the host's, as far as anyone can tell now. */
	private static WxSessionEndReason reasonOf(@Nullable String code) {
		return WxSessionEndReason.ofCode(code).orElse(WxSessionEndReason.SESSION_REVOKED);
	}

	private void poll() {
		try {
			catchUp();
			if (!this.following) {
				this.following = true;
				logger.info("Following revocations in Redis again");
			}
		}
		catch (DataAccessException ex) {
			if (this.following) {
				this.following = false;
				logger.warn("Cannot read revocations from Redis (" + ex.getClass().getSimpleName()
						+ "); tokens already verified here are served as they were until it answers again");
			}
		}
	}

	@Override
	public synchronized void start() {
		if (this.poller == null) {
			ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "wxlogin-revocations");
				thread.setDaemon(true);
				return thread;
			});
			executor.scheduleWithFixedDelay(this::poll, 0, POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
			this.poller = executor;
		}
	}

	@Override
	public synchronized void stop() {
		if (this.poller != null) {
			this.poller.shutdownNow();
			this.poller = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.poller != null;
	}

	private String key(String jti) {
		return this.keyPrefix + "revoked-jti:" + jti;
	}

	private String streamKey() {
		return this.keyPrefix + "revocations";
	}

}
