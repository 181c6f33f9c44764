package io.github.wxlogin.authserver.autoconfigure;

import io.github.wxlogin.authserver.WxLoginGrantsConfigurer;
import io.github.wxlogin.authserver.WxLoginTokenCustomizer;
import io.github.wxlogin.autoconfigure.WxLoginAutoConfiguration;
import io.github.wxlogin.login.WxSignInService;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Auto-configuration of the WeChat grants of an authorization server: the customizer that gives the tokens
 * of these grants the starter's claims and makes its checks when they are renewed. The grants themselves
 * are added to the host's authorization server chain with {@link WxLoginGrantsConfigurer}.
 */
@AutoConfiguration(after = WxLoginAutoConfiguration.class)
@ConditionalOnClass(OAuth2Authorization.class)
@ConditionalOnBean(WxSignInService.class)
public final class WxAuthorizationServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OAuth2TokenCustomizer<JwtEncodingContext> wxLoginTokenCustomizer(WxSignInService signIn) {
		return new WxLoginTokenCustomizer(signIn);
	}

}
