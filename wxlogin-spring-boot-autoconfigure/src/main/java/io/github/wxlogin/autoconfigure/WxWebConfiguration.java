package io.github.wxlogin.autoconfigure;

import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.session.WxSessionKeyStore;
import io.github.wxlogin.token.TokenRevocationStore;
import io.github.wxlogin.token.WxSigningKey;
import io.github.wxlogin.token.WxTokenService;
import io.github.wxlogin.wechat.WxAccessTokenProvider;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.web.WxLoginController;
import io.github.wxlogin.web.WxLoginExceptionHandler;
import io.github.wxlogin.web.WxProfileEditor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The login endpoints and their {@code problem+json} errors.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(WxTokenService.class)
class WxWebConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WxProfileEditor wxProfileEditor(WxApp app, WxApiClient wechat, WxAccessTokenProvider accessTokens,
			WxUserService users, WxLoginProperties properties) {
		return new WxProfileEditor(app, wechat, accessTokens, users, properties.profile().contentCheck());
	}

	@Bean
	@ConditionalOnMissingBean
	WxLoginController wxLoginController(WxApp app, WxApiClient wechat, WxAccessTokenProvider accessTokens,
			WxSessionKeyStore sessionKeys, WxUserService users, WxTokenService tokens, TokenRevocationStore revocations,
			WxProfileEditor profiles, ObjectProvider<WxSigningKey> signingKey) {
		JWKSet publicKeys = signingKey.stream().map(WxSigningKey::publicJwkSet).findFirst().orElseGet(JWKSet::new);
		return new WxLoginController(app, wechat, accessTokens, sessionKeys, users, tokens, revocations, profiles,
				publicKeys.getKeys().isEmpty() ? Map.of() : publicKeys.toJSONObject());
	}

	@Bean
	@ConditionalOnMissingBean
	WxLoginExceptionHandler wxLoginExceptionHandler() {
		return new WxLoginExceptionHandler();
	}

}
