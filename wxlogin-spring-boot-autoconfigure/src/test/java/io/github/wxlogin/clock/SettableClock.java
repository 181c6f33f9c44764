package io.github.wxlogin.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it on, so that tests about time never wait for it.
 */
public final class SettableClock extends Clock {

	/** An instant far from today: code that reads the real clock instead of this one gets it visibly wrong. */
	public static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

	private volatile Instant instant;

	public SettableClock() {
		this(START);
	}

	public SettableClock(Instant instant) {
		this.instant = instant;
	}

	public void advance(Duration duration) {
		this.instant = this.instant.plus(duration);
	}

	@Override
	public Instant instant() {
		return this.instant;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

}
