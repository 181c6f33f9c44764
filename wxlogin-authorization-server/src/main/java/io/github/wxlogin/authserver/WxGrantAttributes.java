package io.github.wxlogin.authserver;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxTenant;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * The WeChat principal kept in an {@link OAuth2Authorization} of a WeChat grant, so that the tokens issued
 * from it at login and at each refresh carry the same claims. Plain strings, which every
 * {@code OAuth2AuthorizationService} (in memory, JDBC, Redis) keeps as they are.
 */
final class WxGrantAttributes {

	static final String OPENID = "wxlogin.openid";

	static final String APPID = "wxlogin.appid";

	static final String TENANT = "wxlogin.tenant";

	private WxGrantAttributes() {
	}

	static void write(OAuth2Authorization.Builder authorization, WxPrincipal principal) {
		authorization.attribute(OPENID, principal.openid())
			.attribute(APPID, principal.appid())
			.attribute(TENANT, principal.tenant());
	}

	/**
	 * Return the WeChat principal of an authorization.
	 * @param authorization the authorization
	 * @return the principal, or {@code null} for an authorization of another grant
	 */
	static @Nullable WxPrincipal read(OAuth2Authorization authorization) {
		String openid = authorization.getAttribute(OPENID);
		String appid = authorization.getAttribute(APPID);
		if (openid == null || appid == null) {
			return null;
		}
		String tenant = authorization.getAttribute(TENANT);
		return new WxPrincipal(authorization.getPrincipalName(), openid, appid,
				(tenant != null) ? tenant : WxTenant.DEFAULT);
	}

}
