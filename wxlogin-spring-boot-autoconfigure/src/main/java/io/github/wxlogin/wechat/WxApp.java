package io.github.wxlogin.wechat;

import io.github.wxlogin.WxTenant;

/**
 * A mini program's credentials, and the tenant its accounts belong to. The secret never appears in
 * {@link #toString()}.
 *
 * @param appid the AppID
 * @param secret the AppSecret
 * @param tenant the tenant of its accounts
 */
public record WxApp(String appid, String secret, String tenant) {

	/**
	 * A mini program of the {@link WxTenant#DEFAULT default} tenant.
	 * @param appid the AppID
	 * @param secret the AppSecret
	 */
	public WxApp(String appid, String secret) {
		this(appid, secret, WxTenant.DEFAULT);
	}

	@Override
	public String toString() {
		return "WxApp[appid=" + this.appid + ", tenant=" + this.tenant + "]";
	}

}
