package io.github.wxlogin.authserver;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.login.WxSignInService;
import io.github.wxlogin.token.WxClaims;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Gives the access tokens the authorization server issues for a {@link WxLoginGrantTypes WeChat grant} the
 * claims of the starter's own tokens: {@code sub} is the account's id (the authorization server's own doing),
 * and this adds {@code openid}, {@code appid} and {@code tenant}. When such a token is renewed with the
 * {@code refresh_token} grant it first makes the starter's checks of a refresh: the mini program is still
 * served and on, the account still exists and is not disabled; otherwise the renewal is refused with
 * {@code invalid_grant}. Tokens of other grants are left as they are.
 * <p>
 * The auto-configuration declares it as the authorization server's
 * {@code OAuth2TokenCustomizer<JwtEncodingContext>} bean unless the host has one: a host with its own calls
 * this one from it.
 */
public class WxLoginTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final WxSignInService signIn;

	/**
	 * Create the customizer.
	 * @param signIn the starter's sign-in service, whose checks a renewal makes
	 */
	public WxLoginTokenCustomizer(WxSignInService signIn) {
		this.signIn = signIn;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		OAuth2Authorization authorization = context.getAuthorization();
		WxPrincipal principal = (authorization != null) ? WxGrantAttributes.read(authorization) : null;
		if (principal == null || !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		if (AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType())) {
			try {
				this.signIn.admitted(principal);
			}
			catch (RuntimeException ex) {
				throw WxGrantErrors.of(ex);
			}
		}
		context.getClaims()
			.claim(WxClaims.OPENID, principal.openid())
			.claim(WxClaims.APPID, principal.appid())
			.claim(WxClaims.TENANT, principal.tenant());
	}

}
