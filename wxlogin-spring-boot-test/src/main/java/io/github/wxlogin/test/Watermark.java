package io.github.wxlogin.test;

import java.time.Clock;

/**
 * The watermark WeChat stamps on user data: when, and for which mini program.
 *
 * @param timestamp the epoch second
 * @param appid the mini program's AppID
 */
record Watermark(long timestamp, String appid) {

	static Watermark now(Clock clock, String appid) {
		return new Watermark(clock.instant().getEpochSecond(), appid);
	}

}
