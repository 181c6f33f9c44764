package io.github.wxlogin.session;

import java.time.Clock;
import java.time.Duration;

/**
 * The sessions of the refresh-token store in memory.
 */
class CaffeineRefreshTokenStoreTests extends RefreshTokenStoreSessionTests {

	private CaffeineRefreshTokenStore shared;

	@Override
	RefreshTokenStore newStore(Clock clock) {
		// One instance's memory: every "other store" of a test is this one
		if (this.shared == null) {
			this.shared = new CaffeineRefreshTokenStore(clock, TTL);
		}
		return this.shared;
	}

	@Override
	RefreshTokenStore newStore(Clock clock, Duration idleTimeout) {
		return new CaffeineRefreshTokenStore(clock, TTL, idleTimeout);
	}

}
