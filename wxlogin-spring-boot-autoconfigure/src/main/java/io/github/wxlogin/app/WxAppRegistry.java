package io.github.wxlogin.app;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the mini programs a back end serves are read from: the properties ({@code wx.login.appid},
 * {@code wx.login.apps.*}), a database table changed at run time through {@link WxAppManager}, both, or a
 * host's own source. Logins look an app up on every request, so an implementation answers from memory
 * once an app has been read, and learns of changes made on other instances within a couple of seconds.
 */
public interface WxAppRegistry {

	/**
	 * Find an app, enabled or not.
	 * @param appid the AppID
	 * @return the app, or empty when this back end does not serve it
	 */
	Optional<WxRegisteredApp> find(String appid);

	/**
	 * Return the AppID of the app that serves logins naming none.
	 * @return the AppID, or empty when logins must name their app
	 */
	Optional<String> defaultAppid();

	/**
	 * Return every app, for the operations view; this may read the whole table.
	 * @return the apps
	 */
	List<WxRegisteredApp> list();

	/**
	 * Be told the AppID of each app that changed (its secret, push settings, tenant or state) or was
	 * removed, on this instance or another, so that what was kept for it (a WeChat access token) is
	 * dropped. A registry that never changes may ignore the listener.
	 * @param listener called with the AppID, on a thread of the registry's
	 */
	default void onChange(Consumer<String> listener) {
	}

}
