package io.github.wxlogin.autoconfigure;

import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.login.WxAccountService;
import io.github.wxlogin.login.WxJwkSetService;
import io.github.wxlogin.login.WxSignInService;
import io.github.wxlogin.session.WxSessionKeyStore;
import io.github.wxlogin.token.TokenRevocationStore;
import io.github.wxlogin.token.WxSigningKey;
import io.github.wxlogin.token.WxTokenService;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApps;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The login use cases, each a service the host may replace or decorate with a bean of its own type.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(WxTokenService.class)
class WxLoginServicesConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WxSignInService wxSignInService(WxApps apps, WxApiClient wechat, WxSessionKeyStore sessionKeys,
			WxUserService users, WxTokenService tokens, TokenRevocationStore revocations,
			ObjectProvider<ObservationRegistry> observations) {
		return new WxSignInService(apps, wechat, sessionKeys, users, tokens, revocations,
				observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	@Bean
	@ConditionalOnMissingBean
	WxAccountService wxAccountService(WxApps apps, WxApiClient wechat, WxSessionKeyStore sessionKeys,
			WxUserService users, WxLoginProperties properties) {
		return new WxAccountService(apps, wechat, sessionKeys, users, properties.profile().contentCheck());
	}

	@Bean
	@ConditionalOnMissingBean
	WxJwkSetService wxJwkSetService(ObjectProvider<WxSigningKey> signingKey) {
		JWKSet publicKeys = signingKey.stream().map(WxSigningKey::publicJwkSet).findFirst().orElseGet(JWKSet::new);
		return new WxJwkSetService(publicKeys.getKeys().isEmpty() ? Map.of() : publicKeys.toJSONObject());
	}

}
