package io.github.wxlogin.token;

/**
 * Names of the claims the starter adds to access tokens besides the registered ones.
 */
public final class WxClaims {

	/** The user's openid within the mini program. */
	public static final String OPENID = "openid";

	/** The mini program the user logged in to. */
	public static final String APPID = "appid";

	/**
	 * The tenant of the user's account. A token issued before tenants carries none and stands for the
	 * {@linkplain io.github.wxlogin.WxTenant#DEFAULT default} tenant.
	 */
	public static final String TENANT = "tenant";

	/**
	 * The login session the token was issued in (OpenID Connect's {@code sid}): ending the session
	 * revokes every access token that carries its id.
	 */
	public static final String SESSION_ID = "sid";

	private WxClaims() {
	}

}
