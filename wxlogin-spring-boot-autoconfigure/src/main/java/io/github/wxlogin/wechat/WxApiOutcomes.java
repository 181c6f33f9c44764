package io.github.wxlogin.wechat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The last outcome of each WeChat API and the age of the last access token fetched, kept so that a
 * health probe can report them without calling WeChat; and when this instance last fetched each app's
 * access token, for the operations view.
 */
public class WxApiOutcomes {

	/** Bounds the per-app fetch dates: the apps that fetched most recently are kept. */
	static final int MAX_APPS_REMEMBERED = 10_000;

	private final Map<String, Outcome> lastOutcomes = new ConcurrentHashMap<>();

	private volatile @Nullable FetchedToken lastToken;

	// Written once per token fetch (hours apart per app) and read by the operations view: a lock is cheap
	private final Map<String, Instant> lastFetchByAppid = new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
			return size() > MAX_APPS_REMEMBERED;
		}

	};

	void record(String api, Outcome outcome) {
		this.lastOutcomes.put(api, outcome);
	}

	void tokenFetched(String appid, WeChatAccessToken token, Instant fetchedAt) {
		this.lastToken = new FetchedToken(fetchedAt, token.expiresAt());
		synchronized (this.lastFetchByAppid) {
			// Removed first so that the app moves to the newest end, away from eviction
			this.lastFetchByAppid.remove(appid);
			this.lastFetchByAppid.put(appid, fetchedAt);
		}
	}

	/**
	 * Return when this instance last fetched an app's access token. Only the
	 * {@value #MAX_APPS_REMEMBERED} apps that fetched most recently are remembered.
	 * @param appid the AppID
	 * @return when, or empty when this instance has not fetched it (or no longer remembers)
	 */
	public Optional<Instant> lastTokenFetch(String appid) {
		synchronized (this.lastFetchByAppid) {
			return Optional.ofNullable(this.lastFetchByAppid.get(appid));
		}
	}

	/**
	 * Return the last outcome of each API called so far, by API name.
	 * @return the outcomes
	 */
	public Map<String, Outcome> lastOutcomes() {
		return new TreeMap<>(this.lastOutcomes);
	}

	/**
	 * Return when the last access token was fetched and when it expires.
	 * @return the token's dates, or empty before the first fetch
	 */
	public Optional<FetchedToken> lastToken() {
		return Optional.ofNullable(this.lastToken);
	}

	/**
	 * How a call to WeChat ended.
	 *
	 * @param outcome {@code success}, or the kind of failure such as {@code invalid_code} or
	 * {@code config_error}, as the metrics tag it
	 * @param reason what went wrong, {@code null} for success
	 * @param errcode WeChat's errcode, 0 for success or a failure without one
	 * @param at when the call ended
	 */
	public record Outcome(String outcome, WxApiException.@Nullable Reason reason, int errcode, Instant at) {

		/**
		 * Return whether this outcome means the mini program's own configuration is wrong.
		 * @return whether an operator must act
		 */
		public boolean isConfigurationError() {
			if (this.reason == null) {
				return false;
			}
			return switch (this.reason) {
				case CONFIG_ERROR -> true;
				case INVALID_CODE, RISKY_USER, RATE_LIMITED, BUSY, UNAVAILABLE, TOKEN_REJECTED, BAD_RESPONSE, REFUSED ->
					false;
			};
		}

	}

	/**
	 * The dates of an access token, never the token itself.
	 *
	 * @param fetchedAt when it was fetched
	 * @param expiresAt when WeChat stops accepting it
	 */
	public record FetchedToken(Instant fetchedAt, Instant expiresAt) {
	}

}
