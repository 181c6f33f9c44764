package io.github.wxlogin.wechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link WxAccessTokenProvider} that shares one stable access token per appid between every instance
 * through Redis, so that a cluster fetches it from WeChat once.
 * <p>
 * Keys, under a configurable prefix, share the hash tag {@code {<appid>}}: in Redis Cluster an app's
 * token, lock and rejected token live in one hash slot (the invalidation script touches two of them),
 * while several apps spread over the shards.
 * <ul>
 * <li>{@code access-token:{<appid>}}: {@code <expiresAtEpochMillis>|<token>}, expiring
 * {@code refreshAhead} before the token does, or after a few seconds when WeChat handed out a token
 * already that close to its expiry (the expiry comes first, so the token may hold any character);</li>
 * <li>{@code access-token-lock:{<appid>}}: a random owner id, held by the one instance that fetches, for
 * at most {@code fetchTimeout};</li>
 * <li>{@code access-token-rejected:{<appid>}}: the token WeChat last rejected, for a few minutes, so that
 * whichever instance fetches next knows to force a refresh if normal mode still hands it out.</li>
 * </ul>
 * An instance that finds no token and cannot take the lock polls Redis every few milliseconds until the
 * token appears; when the lock frees up without a token (the fetch failed, or its instance died and the
 * lock expired) the waiter takes the lock and fetches itself. After twice {@code fetchTimeout} it gives
 * up with a {@link WxApiException} ({@code UNAVAILABLE}), as a WeChat timeout would.
 * <p>
 * Each instance keeps the token in a near cache for at most {@code nearCacheTtl}, which saves a Redis
 * round trip per call and still sees an invalidation by another instance soon; callers of one instance
 * share one Redis lookup per appid.
 */
public class RedisWxAccessTokenProvider implements WxAccessTokenProvider {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

	/** Long enough for the next fetch to see it, short enough not to force a refresh days later. */
	private static final Duration REJECTED_TOKEN_TTL = Duration.ofMinutes(10);

	private static final String SEPARATOR = "|";

	/** Deletes a key only when it holds a given value ({@code delete-if-holds.lua}). */
	private final RedisScript<Long> deleteIfHoldsScript = RedisScripts.load("delete-if-holds.lua", Long.class);

	/**
	 * Remembers the token WeChat rejected and deletes the stored token only when it is that one
	 * ({@code access-token-invalidate.lua}).
	 */
	private final RedisScript<Long> invalidateScript = RedisScripts.load("access-token-invalidate.lua", Long.class);

	private final WxStableTokenClient client;

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Duration refreshAhead;

	private final Duration fetchTimeout;

	private final Clock clock;

	private final Cache<String, WeChatAccessToken> nearCache;

	/**
	 * Create a provider.
	 * @param client where tokens are fetched
	 * @param redis the Redis client
	 * @param keyPrefix the prefix of every key, such as {@code wxlogin:}
	 * @param refreshAhead how long before its expiry a token is fetched again
	 * @param nearCacheTtl how long this instance uses a token before it looks in Redis again
	 * @param fetchTimeout how long one fetch from WeChat may take: the lock's lifetime
	 * @param clock the clock that the client dates tokens with
	 */
	public RedisWxAccessTokenProvider(WxStableTokenClient client, StringRedisTemplate redis, String keyPrefix,
			Duration refreshAhead, Duration nearCacheTtl, Duration fetchTimeout, Clock clock) {
		this.client = client;
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.refreshAhead = refreshAhead;
		this.fetchTimeout = fetchTimeout;
		this.clock = clock;
		// Caffeine times the expiry on the clock that dated the token, so the two always agree; its upkeep runs
		// on the caller, as in CaffeineWxAccessTokenProvider
		this.nearCache = Caffeine.newBuilder().executor(Runnable::run).ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).expireAfter(Expiry.creating((String appid, WeChatAccessToken token) -> {
			Duration usable = usableFor(token);
			return (usable.compareTo(nearCacheTtl) < 0) ? usable : nearCacheTtl;
		})).build();
	}

	@Override
	public String accessToken(WxApp app) {
		return this.nearCache.get(app.appid(), (appid) -> sharedToken(app)).token();
	}

	@Override
	public void invalidate(WxApp app, String rejectedToken) {
		this.redis.execute(this.invalidateScript, invalidationKeys(app), rejectedToken,
				Long.toString(REJECTED_TOKEN_TTL.toMillis()));
		this.nearCache.asMap()
			.computeIfPresent(app.appid(), (appid, cached) -> cached.token().equals(rejectedToken) ? null : cached);
	}

	/**
	 * Forget the app's token here and the one shared by every instance: each instance hears of the change
	 * and forgets it, so a change costs at most one fetch per instance.
	 */
	@Override
	public void forget(String appid) {
		this.nearCache.invalidate(appid);
		this.redis.delete(tokenKey(appid));
	}

	private WeChatAccessToken sharedToken(WxApp app) {
		long deadline = System.nanoTime() + this.fetchTimeout.multipliedBy(2).toNanos();
		while (true) {
			WeChatAccessToken stored = storedToken(app);
			if (stored != null) {
				return stored;
			}
			String owner = UUID.randomUUID().toString();
			if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(lockKey(app), owner, this.fetchTimeout))) {
				try {
					// Another instance may have stored it between the look-up and the lock
					stored = storedToken(app);
					return (stored != null) ? stored : fetchAndStore(app);
				}
				finally {
					this.redis.execute(this.deleteIfHoldsScript, List.of(lockKey(app)), owner);
				}
			}
			if (System.nanoTime() - deadline > 0) {
				throw unavailable("no access token from the instance fetching it within "
						+ this.fetchTimeout.multipliedBy(2), null);
			}
			pause();
		}
	}

	private WeChatAccessToken fetchAndStore(WxApp app) {
		WeChatAccessToken token = this.client.stableAccessToken(app, false);
		String rejected = this.redis.opsForValue().get(rejectedKey(app));
		if (rejected != null) {
			if (token.token().equals(rejected)) {
				// Normal mode still hands out the token WeChat refused: only a forced refresh replaces it
				token = this.client.stableAccessToken(app, true);
			}
			this.redis.execute(this.deleteIfHoldsScript, List.of(rejectedKey(app)), rejected);
		}
		Duration usable = usableFor(token);
		if (usable.toMillis() > 0) {
			this.redis.opsForValue().set(tokenKey(app), token.expiresAt().toEpochMilli() + SEPARATOR + token.token(),
					usable);
		}
		return token;
	}

	private @Nullable WeChatAccessToken storedToken(WxApp app) {
		String stored = this.redis.opsForValue().get(tokenKey(app));
		int separator = (stored != null) ? stored.indexOf(SEPARATOR) : -1;
		if (stored == null || separator < 0) {
			return null;
		}
		Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(stored.substring(0, separator)));
		return new WeChatAccessToken(stored.substring(separator + 1), expiresAt);
	}

	private Duration usableFor(WeChatAccessToken token) {
		return token.reuseFor(this.clock.instant(), this.refreshAhead);
	}

	private static void pause() {
		try {
			Thread.sleep(POLL_INTERVAL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable("interrupted while waiting for the access token", ex);
		}
	}

	private static WxApiException unavailable(String message, @Nullable Throwable cause) {
		return new WxApiException(WxApiException.Reason.UNAVAILABLE, RestClientWxStableTokenClient.STABLE_TOKEN,
				WxApiException.NO_ERRCODE, message, cause);
	}

	/**
	 * The keys of the invalidation script, both in the app's hash slot.
	 * @param app the app
	 * @return the stored token's key, the rejected token's
	 */
	List<String> invalidationKeys(WxApp app) {
		return List.of(tokenKey(app), rejectedKey(app));
	}

	private String tokenKey(WxApp app) {
		return tokenKey(app.appid());
	}

	private String tokenKey(String appid) {
		return this.keyPrefix + "access-token:{" + appid + "}";
	}

	private String lockKey(WxApp app) {
		return this.keyPrefix + "access-token-lock:" + hashTag(app);
	}

	private String rejectedKey(WxApp app) {
		return this.keyPrefix + "access-token-rejected:" + hashTag(app);
	}

	/** Redis Cluster hashes only what is between the first braces of a key. */
	private static String hashTag(WxApp app) {
		return "{" + app.appid() + "}";
	}

}
