package io.github.wxlogin.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long something that ends at an instant has left, never negative: the time to live of what the
 * stores keep about a token.
 */
public final class TimeLeft {

	private TimeLeft() {
	}

	/**
	 * Return the time left until an instant.
	 * @param clock the clock that tells the time now
	 * @param end when it ends
	 * @return the time left, zero once past
	 */
	public static Duration until(Clock clock, Instant end) {
		Duration left = Duration.between(clock.instant(), end);
		return left.isNegative() ? Duration.ZERO : left;
	}

}
