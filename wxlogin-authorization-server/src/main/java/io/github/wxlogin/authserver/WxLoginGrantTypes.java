package io.github.wxlogin.authserver;

import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * The grant types a WeChat mini program uses at the authorization server's token endpoint, and their
 * request parameters (form-encoded, as RFC 6749 section 4.5 has extension grants send them).
 */
public final class WxLoginGrantTypes {

	/**
	 * Silent login with the one-time code of {@code wx.login()}: parameters {@value #CODE} and, optional,
	 * {@value #APPID} and {@code scope}.
	 */
	public static final AuthorizationGrantType WX_LOGIN = new AuthorizationGrantType(
			"urn:wxlogin:params:oauth:grant-type:wx-login");

	/**
	 * Phone-number login with a fresh {@code wx.login()} code and the {@code getPhoneNumber} button's code:
	 * parameters {@value #LOGIN_CODE}, {@value #PHONE_CODE} and, optional, {@value #APPID} and
	 * {@code scope}.
	 */
	public static final AuthorizationGrantType WX_PHONE = new AuthorizationGrantType(
			"urn:wxlogin:params:oauth:grant-type:wx-phone");

	/** The one-time code of {@code wx.login()}, of the {@link #WX_LOGIN} grant. */
	public static final String CODE = "code";

	/** The one-time code of {@code wx.login()}, of the {@link #WX_PHONE} grant. */
	public static final String LOGIN_CODE = "login_code";

	/** The one-time code of {@code <button open-type="getPhoneNumber">}, of the {@link #WX_PHONE} grant. */
	public static final String PHONE_CODE = "phone_code";

	/** The mini program's AppID; without it, the default mini program. */
	public static final String APPID = "appid";

	/** The member of the token response that says whether the login created the account. */
	public static final String NEW_USER = "new_user";

	private WxLoginGrantTypes() {
	}

}
