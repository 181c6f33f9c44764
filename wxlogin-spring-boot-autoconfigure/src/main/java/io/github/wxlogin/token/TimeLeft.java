package io.github.wxlogin.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long something that ends at an instant has left, never negative: the time to live of what the
 * stores keep about a token.
 */
final class TimeLeft {

	private TimeLeft() {
	}

	static Duration until(Clock clock, Instant end) {
		Duration left = Duration.between(clock.instant(), end);
		return left.isNegative() ? Duration.ZERO : left;
	}

}
