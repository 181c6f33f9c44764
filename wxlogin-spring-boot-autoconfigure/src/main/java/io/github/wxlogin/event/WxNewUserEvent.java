package io.github.wxlogin.event;

import io.github.wxlogin.WxPrincipal;

/**
 * A login created an account: the first silent login of a WeChat user, or a phone-number login with a new
 * WeChat user and a new phone. Published as a Spring application event once per account created, after the
 * account is stored and its tokens issued, and after the login's {@link WxLoginAuditEvent}; a host's
 * onboarding (a welcome message, a default role, a row of its own) listens to it with
 * {@code @EventListener}. It never carries a token, a code, a session key or a whole openid.
 * <p>
 * Listeners run in the login's thread, before the login is answered: a slow one slows the login, and one
 * that throws fails it (the account stays). Work that may be slow or fail belongs in an {@code @Async}
 * listener.
 *
 * @param accountId the new account (user id)
 * @param appid the mini program the account was created in
 * @param openid the openid of the identity it was created with, masked ({@code oAbc****wxyz})
 * @param method how the user logged in
 */
public record WxNewUserEvent(String accountId, String appid, String openid, Method method) {

	public WxNewUserEvent {
		openid = WxPrincipal.maskOpenid(openid);
	}

	/**
	 * How the login that created the account was made.
	 */
	public enum Method {

		/** A silent login with a {@code wx.login()} code. */
		LOGIN,

		/** A phone-number login: the account has the phone. */
		PHONE_LOGIN

	}

}
