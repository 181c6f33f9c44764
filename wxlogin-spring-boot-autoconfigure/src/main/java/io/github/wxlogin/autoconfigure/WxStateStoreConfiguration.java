package io.github.wxlogin.autoconfigure;

import java.time.Clock;

import io.github.wxlogin.WxUserService;
import io.github.wxlogin.session.CaffeineRefreshTokenStore;
import io.github.wxlogin.session.CaffeineTokenRevocationStore;
import io.github.wxlogin.session.RefreshTokenStore;
import io.github.wxlogin.session.TokenRevocationStore;
import io.github.wxlogin.wechat.CaffeineWxSessionKeyStore;
import io.github.wxlogin.wechat.WxSessionKeyStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Session keys, refresh tokens and revocations kept in this instance's memory, unless the host or the
 * Redis store provides them.
 */
@Configuration(proxyBeanMethods = false)
class WxStateStoreConfiguration {

	/** Bounds memory use; a user whose key was evicted logs in again on the legacy endpoints. */
	private static final long MAX_SESSION_KEYS = 100_000;

	@Bean
	@ConditionalOnMissingBean
	WxSessionKeyStore wxSessionKeyStore(WxLoginProperties properties) {
		// The session key is useful as long as the login it came with
		return new CaffeineWxSessionKeyStore(properties.jwt().refreshTokenTtl(), MAX_SESSION_KEYS);
	}

	@Bean
	@ConditionalOnMissingBean
	RefreshTokenStore refreshTokenStore(WxLoginProperties properties, ObjectProvider<Clock> clock) {
		return new CaffeineRefreshTokenStore(clock.getIfAvailable(Clock::systemUTC), properties.jwt().refreshTokenTtl(),
				properties.sessions().idleTimeoutOrZero());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenRevocationStore tokenRevocationStore(WxLoginProperties properties, ObjectProvider<Clock> clock) {
		return new CaffeineTokenRevocationStore(clock.getIfAvailable(Clock::systemUTC), properties.jwt().clockSkew());
	}

	@Bean
	WxStoreReport wxStoreReport(WxLoginProperties properties, WxSessionKeyStore sessionKeys, WxUserService users) {
		return new WxStoreReport(properties, sessionKeys, users);
	}

}
