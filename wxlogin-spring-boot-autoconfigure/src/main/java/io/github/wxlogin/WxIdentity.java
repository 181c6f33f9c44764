package io.github.wxlogin;

import org.jspecify.annotations.Nullable;

/**
 * Who WeChat says the user is after {@code code2Session}: the key under which a host finds or
 * creates its user.
 *
 * @param appid the mini program's AppID
 * @param openid the user's id within that mini program
 * @param unionid the user's id across the Open Platform account, when the mini program is bound to one
 * @param tenant the tenant of the mini program, inside which the identity finds or makes its account
 */
public record WxIdentity(String appid, String openid, @Nullable String unionid, String tenant) {

	/**
	 * An identity in a mini program of the {@link WxTenant#DEFAULT default} tenant.
	 * @param appid the mini program's AppID
	 * @param openid the user's id within that mini program
	 * @param unionid the user's id across the Open Platform account, when the mini program is bound to one
	 */
	public WxIdentity(String appid, String openid, @Nullable String unionid) {
		this(appid, openid, unionid, WxTenant.DEFAULT);
	}

}
