package io.github.wxlogin.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The fake server's time: the system clock, moved forward by what the kit's own tests add, so that they
 * expire codes and tokens without waiting.
 */
final class FakeClock extends Clock {

	private volatile Clock current = Clock.systemUTC();

	void advance(Duration duration) {
		this.current = Clock.offset(this.current, duration);
	}

	@Override
	public Instant instant() {
		return this.current.instant();
	}

	@Override
	public ZoneId getZone() {
		return this.current.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this.current.withZone(zone);
	}

}
