package io.github.wxlogin.authserver;

import java.util.List;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The authorization server's configurer, in the package of Spring Security 7, which holds the authorization server.
 */
final class AuthorizationServerConfigurers {

	private AuthorizationServerConfigurers() {
	}

	/**
	 * Add converters of token requests to the token endpoint of the authorization server applied to a chain.
	 * @param http the chain
	 * @param converters the converters
	 * @throws IllegalStateException when no authorization server is applied to the chain
	 */
	static void addTokenRequestConverters(HttpSecurity http, List<AuthenticationConverter> converters) {
		OAuth2AuthorizationServerConfigurer authorizationServer = http
			.getConfigurer(OAuth2AuthorizationServerConfigurer.class);
		if (authorizationServer == null) {
			throw new IllegalStateException("The WeChat grants extend an authorization server: apply "
					+ "OAuth2AuthorizationServerConfigurer to this SecurityFilterChain as well");
		}
		authorizationServer.tokenEndpoint((tokenEndpoint) -> converters.forEach(tokenEndpoint::accessTokenRequestConverter));
	}

}
