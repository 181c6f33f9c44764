package io.github.wxlogin.security;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.token.WxClaims;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a validated access token into a {@link WxAuthenticationToken} whose principal is the caller.
 */
public class WxJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String openid = jwt.getClaimAsString(WxClaims.OPENID);
		String appid = jwt.getClaimAsString(WxClaims.APPID);
		if (openid == null || appid == null) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error("invalid_token", "The token is not a WeChat login token", null));
		}
		return new WxAuthenticationToken(jwt, new WxPrincipal(jwt.getSubject(), openid, appid));
	}

}
