package io.github.wxlogin.app;

import org.jspecify.annotations.Nullable;

/**
 * A mini program to register. The secret and push settings never appear in {@link #toString()}.
 *
 * @param appid the AppID
 * @param secret the AppSecret
 * @param tenant the tenant of its accounts, or {@code null} for {@link io.github.wxlogin.WxTenant#DEFAULT}
 * @param pushToken the Token of its message-push settings, or {@code null} when push is off
 * @param pushEncodingAesKey the EncodingAESKey of safe-mode push, or {@code null}
 * @param enabled whether it serves logins from the start
 */
public record WxAppRegistration(String appid, String secret, @Nullable String tenant, @Nullable String pushToken,
		@Nullable String pushEncodingAesKey, boolean enabled) {

	/**
	 * An enabled app of a tenant, without message push.
	 * @param appid the AppID
	 * @param secret the AppSecret
	 * @param tenant the tenant, or {@code null} for the default one
	 */
	public WxAppRegistration(String appid, String secret, @Nullable String tenant) {
		this(appid, secret, tenant, null, null, true);
	}

	@Override
	public String toString() {
		return "WxAppRegistration[appid=" + this.appid + ", tenant=" + this.tenant + ", enabled=" + this.enabled
				+ "]";
	}

}
