package io.github.wxlogin.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * {@link WxAccessTokenProvider} that keeps one stable access token per appid in this instance's memory.
 * A token is dropped {@code refreshAhead} before it expires, so the next caller fetches a fresh one (or a
 * few seconds after a fetch that found it already that close to its expiry);
 * Caffeine runs one fetch per appid at a time while the other callers wait for its result.
 */
public class CaffeineWxAccessTokenProvider implements WxAccessTokenProvider {

	private final WxStableTokenClient client;

	private final Cache<String, WeChatAccessToken> tokens;

	/** The token WeChat last rejected, per appid, to tell when normal mode hands it back again. */
	private final Map<String, String> rejectedTokens = new ConcurrentHashMap<>();

	/**
	 * Create a provider.
	 * @param client where tokens are fetched
	 * @param refreshAhead how long before its expiry a token is fetched again
	 * @param clock the clock that the client dates tokens with
	 */
	public CaffeineWxAccessTokenProvider(WxStableTokenClient client, Duration refreshAhead, Clock clock) {
		this.client = client;
		this.tokens = Caffeine.newBuilder()
			// Caffeine's upkeep runs on the caller: in the common pool it could wait for the entry a fetch holds,
			// while on Java 25 the fetch's HTTP reply waits for a common pool thread (only one on 2 cores)
			.executor(Runnable::run)
			// Caffeine times the expiry on the clock that dated the token, so the two always agree
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.expireAfter(Expiry.creating((String appid, WeChatAccessToken token) -> token.reuseFor(clock.instant(), refreshAhead)))
			.build();
	}

	@Override
	public String accessToken(WxApp app) {
		return this.tokens.get(app.appid(), (appid) -> fetch(app)).token();
	}

	@Override
	public void invalidate(WxApp app, String rejectedToken) {
		this.rejectedTokens.put(app.appid(), rejectedToken);
		this.tokens.asMap().computeIfPresent(app.appid(), (appid, cached) -> cached.token().equals(rejectedToken) ? null : cached);
	}

	@Override
	public void forget(String appid) {
		this.tokens.invalidate(appid);
	}

	private WeChatAccessToken fetch(WxApp app) {
		WeChatAccessToken token = this.client.stableAccessToken(app, false);
		String rejected = this.rejectedTokens.remove(app.appid());
		if (token.token().equals(rejected)) {
			// Normal mode still hands out the token WeChat refused: only a forced refresh replaces it
			token = this.client.stableAccessToken(app, true);
		}
		return token;
	}

}
