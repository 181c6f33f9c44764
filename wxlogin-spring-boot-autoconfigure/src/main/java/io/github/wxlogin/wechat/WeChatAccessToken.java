package io.github.wxlogin.wechat;

import java.time.Duration;
import java.time.Instant;

/**
 * An access token of WeChat's server API. The token never appears in {@link #toString()}.
 *
 * @param token the token
 * @param expiresAt when WeChat stops accepting it
 */
public record WeChatAccessToken(String token, Instant expiresAt) {

	/**
	 * How long a token fetched inside its refresh-ahead window is kept: WeChat hands out the same token
	 * until its last minutes, so asking again on every call would not help.
	 */
	private static final Duration RENEWAL_RETRY_INTERVAL = Duration.ofSeconds(5);

	/**
	 * Return how long this token may be used before it is fetched again: until {@code refreshAhead}
	 * before it expires, or a few seconds when it is already that close to its expiry.
	 * @param now the current time
	 * @param refreshAhead how long before its expiry a token is fetched again
	 * @return the time to keep using it, zero once it has expired
	 */
	public Duration reuseFor(Instant now, Duration refreshAhead) {
		Duration beforeRefresh = Duration.between(now, this.expiresAt.minus(refreshAhead));
		if (beforeRefresh.isNegative() || beforeRefresh.isZero()) {
			Duration left = Duration.between(now, this.expiresAt);
			beforeRefresh = (left.compareTo(RENEWAL_RETRY_INTERVAL) < 0) ? left : RENEWAL_RETRY_INTERVAL;
		}
		return beforeRefresh.isNegative() ? Duration.ZERO : beforeRefresh;
	}

	@Override
	public String toString() {
		return "WeChatAccessToken[expiresAt=" + this.expiresAt + "]";
	}

}
