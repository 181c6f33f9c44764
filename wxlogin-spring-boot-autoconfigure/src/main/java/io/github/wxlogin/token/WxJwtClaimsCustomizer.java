package io.github.wxlogin.token;

import io.github.wxlogin.WxPrincipal;

import org.springframework.security.oauth2.jwt.JwtClaimsSet;

/**
 * Adds the host's own claims to every access token (JWT) the starter issues, as Spring Authorization
 * Server's {@code OAuth2TokenCustomizer} does for its tokens. Declare beans of this type; they run in
 * their {@code @Order}. The starter's claims ({@code sub}, {@code openid}, {@code appid}, {@code tenant},
 * {@code sid}, {@code jti}, {@code iss}, {@code aud}, {@code iat}, {@code nbf}, {@code exp}) are set after
 * the customizers run, so none of them can be replaced.
 */
@FunctionalInterface
public interface WxJwtClaimsCustomizer {

	/**
	 * Customize the claims of an access token.
	 * @param subject the user the token is issued to
	 * @param claims the claims, to add to
	 */
	void customize(WxPrincipal subject, JwtClaimsSet.Builder claims);

}
