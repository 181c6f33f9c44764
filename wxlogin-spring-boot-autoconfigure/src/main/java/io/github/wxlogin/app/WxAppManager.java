package io.github.wxlogin.app;

import org.jspecify.annotations.Nullable;

/**
 * The back office's API over the mini programs kept in the registry's table: a change made on one
 * instance is in force on every instance within about two seconds. Apps of the properties are read-only.
 * <p>
 * Every method throws {@link java.util.NoSuchElementException} for an AppID the table does not hold,
 * {@link IllegalArgumentException} for a value of the wrong form, and {@link IllegalStateException} for a
 * change the registry refuses (an AppID already served, an app of the properties).
 */
public interface WxAppManager {

	/**
	 * Register a mini program.
	 * @param registration the app
	 * @return the app as registered
	 */
	WxRegisteredApp register(WxAppRegistration registration);

	/**
	 * Change an app's AppSecret, after WeChat's "reset secret": the next WeChat call uses it, and the app's
	 * WeChat access token is fetched again.
	 * @param appid the AppID
	 * @param secret the new AppSecret
	 * @return the app as changed
	 */
	WxRegisteredApp changeSecret(String appid, String secret);

	/**
	 * Change an app's message-push settings.
	 * @param appid the AppID
	 * @param token the Token, or {@code null} to switch push off
	 * @param encodingAesKey the EncodingAESKey of safe mode, or {@code null}
	 * @return the app as changed
	 */
	WxRegisteredApp changePush(String appid, @Nullable String token, @Nullable String encodingAesKey);

	/**
	 * Move an app to another tenant. Accounts never cross tenants, so this is refused once the app has
	 * signed anyone in.
	 * @param appid the AppID
	 * @param tenant the tenant
	 * @return the app as changed
	 */
	WxRegisteredApp changeTenant(String appid, String tenant);

	/**
	 * Switch an app off: its logins are refused ({@code app_disabled}) and so are its access tokens.
	 * @param appid the AppID
	 * @return the app as changed
	 */
	WxRegisteredApp disable(String appid);

	/**
	 * Switch an app on again.
	 * @param appid the AppID
	 * @return the app as changed
	 */
	WxRegisteredApp enable(String appid);

	/**
	 * Remove an app: from then on it is an unknown app, and its secrets are erased.
	 * @param appid the AppID
	 */
	void remove(String appid);

}
