package io.github.wxlogin.security;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxTenant;
import io.github.wxlogin.session.WxSessionActivity;
import io.github.wxlogin.token.WxClaims;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

/**
 * Turns a validated access token into a {@link WxAuthenticationToken} whose principal is the caller.
 * It runs on every guarded request: the string claims it reads are taken as they are, without a trip
 * through the claim conversion service, and the caller has no authorities to parse. With a
 * {@link WxSessionActivity}, it tells it that the token's session is in use (which writes to the store at
 * most once a minute per session).
 */
public class WxJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final @Nullable WxSessionActivity activity;

	/**
	 * Create a converter that records no session activity.
	 */
	public WxJwtAuthenticationConverter() {
		this(null);
	}

	/**
	 * Create a converter.
	 * @param activity where the use of a session is recorded, or {@code null} for nowhere
	 */
	public WxJwtAuthenticationConverter(@Nullable WxSessionActivity activity) {
		this.activity = activity;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String openid = stringClaim(jwt, WxClaims.OPENID);
		String appid = stringClaim(jwt, WxClaims.APPID);
		if (openid == null || appid == null) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error("invalid_token", "The token is not a WeChat login token", null));
		}
		// A token issued before tenants carries none: its account is of the default tenant
		String tenant = stringClaim(jwt, WxClaims.TENANT);
		String userId = stringClaim(jwt, JwtClaimNames.SUB);
		String sessionId = stringClaim(jwt, WxClaims.SESSION_ID);
		if (this.activity != null && userId != null && sessionId != null) {
			this.activity.seen(userId, sessionId);
		}
		return new WxAuthenticationToken(jwt, new WxPrincipal(userId, openid, appid,
				(tenant != null) ? tenant : WxTenant.DEFAULT));
	}

	/** The claim as {@link Jwt#getClaimAsString} reads it, with no conversion when it is a string already. */
	private static @Nullable String stringClaim(Jwt jwt, String name) {
		Object value = jwt.getClaims().get(name);
		return (value instanceof String text) ? text : jwt.getClaimAsString(name);
	}

}
