package io.github.wxlogin.app;

import org.jspecify.annotations.Nullable;

import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxPushSettings;

/**
 * A mini program as the registry keeps it. Neither the secret nor the push settings appear in
 * {@link #toString()}.
 *
 * @param app its credentials and tenant
 * @param enabled whether it serves logins; the tokens of a disabled app are refused
 * @param push its message-push settings, or {@code null} when push is off
 * @param source where it is kept
 */
public record WxRegisteredApp(WxApp app, boolean enabled, @Nullable WxPushSettings push, Source source) {

	/**
	 * Return the AppID.
	 * @return the AppID
	 */
	public String appid() {
		return this.app.appid();
	}

	/**
	 * Return the tenant of its accounts.
	 * @return the tenant
	 */
	public String tenant() {
		return this.app.tenant();
	}

	@Override
	public String toString() {
		return "WxRegisteredApp[appid=" + appid() + ", tenant=" + tenant() + ", enabled=" + this.enabled + ", push="
				+ (this.push != null) + ", source=" + this.source + "]";
	}

	/**
	 * Where an app is kept.
	 */
	public enum Source {

		/** The application's properties: read-only at run time. */
		PROPERTIES,

		/** The registry's database table, changed through {@link WxAppManager}. */
		DATABASE,

		/** A host's own registry. */
		HOST

	}

}
