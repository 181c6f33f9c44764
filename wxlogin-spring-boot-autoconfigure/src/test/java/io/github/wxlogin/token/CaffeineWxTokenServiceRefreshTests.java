package io.github.wxlogin.token;

import java.time.Clock;

import io.github.wxlogin.session.CaffeineRefreshTokenStore;
import io.github.wxlogin.session.RefreshTokenStore;

/**
 * A refresh that fails after the spend, with refresh tokens in memory.
 */
class CaffeineWxTokenServiceRefreshTests extends WxTokenServiceRefreshTests {

	@Override
	RefreshTokenStore newStore(Clock clock) {
		return new CaffeineRefreshTokenStore(clock, TTL);
	}

}
