package io.github.wxlogin.security;

import java.util.List;
import java.util.Map;

import io.github.wxlogin.WxPrincipal;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * The authentication of a request that carried a valid access token: its principal is the
 * {@link WxPrincipal}, so host controllers take {@code @AuthenticationPrincipal WxPrincipal caller}.
 */
public class WxAuthenticationToken extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

	private final WxPrincipal principal;

	/**
	 * Create an authentication.
	 * @param jwt the validated access token
	 * @param principal the caller it names
	 */
	public WxAuthenticationToken(Jwt jwt, WxPrincipal principal) {
		super(jwt, principal, jwt, List.of());
		this.principal = principal;
		setAuthenticated(true);
	}

	@Override
	public WxPrincipal getPrincipal() {
		return this.principal;
	}

	@Override
	public Map<String, Object> getTokenAttributes() {
		return getToken().getClaims();
	}

}
