package io.github.wxlogin.wechat;

import io.github.wxlogin.WxTenant;
import org.jspecify.annotations.Nullable;

/**
 * A mini program's credentials, the tenant its accounts belong to, and its API security. Neither the
 * secret nor a key appears in {@link #toString()}.
 *
 * @param appid the AppID
 * @param secret the AppSecret
 * @param tenant the tenant of its accounts
 * @param apiSecurity its settings of WeChat's API security (encrypted and signed calls), or {@code null}
 * when its calls are plain
 */
public record WxApp(String appid, String secret, String tenant, @Nullable WxApiSecurity apiSecurity) {

	/**
	 * A mini program whose calls are plain.
	 * @param appid the AppID
	 * @param secret the AppSecret
	 * @param tenant the tenant of its accounts
	 */
	public WxApp(String appid, String secret, String tenant) {
		this(appid, secret, tenant, null);
	}

	/**
	 * A mini program of the {@link WxTenant#DEFAULT default} tenant, whose calls are plain.
	 * @param appid the AppID
	 * @param secret the AppSecret
	 */
	public WxApp(String appid, String secret) {
		this(appid, secret, WxTenant.DEFAULT);
	}

	/**
	 * Return this mini program with other API security settings.
	 * @param apiSecurity the settings, or {@code null} for plain calls
	 * @return the mini program
	 */
	public WxApp withApiSecurity(@Nullable WxApiSecurity apiSecurity) {
		return new WxApp(this.appid, this.secret, this.tenant, apiSecurity);
	}

	@Override
	public String toString() {
		return "WxApp[appid=" + this.appid + ", tenant=" + this.tenant + ", apiSecurity="
				+ (this.apiSecurity != null) + "]";
	}

}
