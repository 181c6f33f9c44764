package io.github.wxlogin.session;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;

/**
 * Records that a session is in use when one of its access tokens is presented on a guarded request, so
 * that an idle timeout counts from its last use rather than its last refresh. It costs no store write per
 * request: each instance writes a session's use ({@link RefreshTokenStore#touch}) at most once every
 * {@link #touchInterval()} (a minute, or half the idle timeout when that is shorter), remembering in its
 * own memory which sessions it touched lately, so a session's {@code lastUsedAt} is exact to within that
 * interval. Without an idle timeout it records nothing at all.
 */
public class WxSessionActivity {

	private static final Duration MOST = Duration.ofMinutes(1);

	/** Enough for the sessions in use on one busy instance; one evicted early is touched again, once. */
	private static final long SESSIONS = 100_000;

	private final RefreshTokenStore refreshTokens;

	private final Clock clock;

	private final Duration touchInterval;

	private final @Nullable Cache<String, Boolean> touched;

	/**
	 * Create a recorder.
	 * @param refreshTokens the store of the sessions
	 * @param idleTimeout how long a session may go unused, {@link Duration#ZERO} for no limit (nothing is
	 * recorded then)
	 * @param clock the clock that dates a use
	 */
	public WxSessionActivity(RefreshTokenStore refreshTokens, Duration idleTimeout, Clock clock) {
		this.refreshTokens = refreshTokens;
		this.clock = clock;
		boolean enabled = !idleTimeout.isZero() && !idleTimeout.isNegative();
		Duration half = idleTimeout.dividedBy(2);
		this.touchInterval = (half.compareTo(MOST) < 0) ? half : MOST;
		this.touched = enabled ? Caffeine.newBuilder()
			.maximumSize(SESSIONS)
			.expireAfterWrite(this.touchInterval)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.build() : null;
	}

	/**
	 * Return how often at most this instance writes the use of one session.
	 * @return the interval
	 */
	public Duration touchInterval() {
		return this.touchInterval;
	}

	/**
	 * Record that a session's access token was presented on a guarded request.
	 * @param accountId the account (the token's {@code sub})
	 * @param sessionId the session (the token's {@code sid})
	 */
	public void seen(String accountId, String sessionId) {
		Cache<String, Boolean> touched = this.touched;
		if (touched == null || touched.asMap().putIfAbsent(sessionId, Boolean.TRUE) != null) {
			return;
		}
		try {
			this.refreshTokens.touch(accountId, sessionId, this.clock.instant());
		}
		catch (DataAccessException ex) {
			// The request is not refused for it: the session's last use stays as it was, one interval older
		}
	}

}
