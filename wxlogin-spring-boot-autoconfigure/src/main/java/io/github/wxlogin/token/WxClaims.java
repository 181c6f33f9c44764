package io.github.wxlogin.token;

/**
 * Names of the claims the starter adds to access tokens besides the registered ones.
 */
public final class WxClaims {

	/** The user's openid within the mini program. */
	public static final String OPENID = "openid";

	/** The mini program the user logged in to. */
	public static final String APPID = "appid";

	private WxClaims() {
	}

}
