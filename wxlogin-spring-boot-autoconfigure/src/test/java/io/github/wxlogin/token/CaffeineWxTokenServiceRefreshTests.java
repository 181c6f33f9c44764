package io.github.wxlogin.token;

import java.lang.reflect.Field;
import java.time.Clock;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.wxlogin.session.CaffeineRefreshTokenStore;
import io.github.wxlogin.session.RefreshTokenStore;

/**
 * A refresh that fails after the spend, with refresh tokens in memory.
 */
class CaffeineWxTokenServiceRefreshTests extends WxTokenServiceRefreshTests {

	private CaffeineRefreshTokenStore store;

	@Override
	RefreshTokenStore newStore(Clock clock) {
		this.store = new CaffeineRefreshTokenStore(clock, TTL);
		return this.store;
	}

	/** Every entry of every cache of the store, as a heap dump would show them. */
	@Override
	String dump(String familyId) {
		StringBuilder dump = new StringBuilder();
		for (Field field : CaffeineRefreshTokenStore.class.getDeclaredFields()) {
			if (Cache.class.isAssignableFrom(field.getType())) {
				field.setAccessible(true);
				try {
					dump.append(((Cache<?, ?>) field.get(this.store)).asMap()).append('\n');
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return dump.toString();
	}

}
