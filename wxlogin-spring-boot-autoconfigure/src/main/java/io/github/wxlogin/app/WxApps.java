package io.github.wxlogin.app;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.github.wxlogin.wechat.WxApp;

/**
 * The mini programs one back end serves, by AppID, and the one a login without an AppID is for. The app
 * travels as a value from the request or the caller's token; nothing holds a "current" app.
 */
public final class WxApps {

	private final Map<String, WxApp> byAppid = new LinkedHashMap<>();

	private final @Nullable WxApp defaultApp;

	/**
	 * Create the set of apps.
	 * @param apps the mini programs, each with a distinct AppID
	 * @param defaultApp the app of logins that name none, or {@code null} when logins must name one
	 * @throws IllegalArgumentException if two apps share an AppID, or the default app is not one of them
	 */
	public WxApps(Collection<WxApp> apps, @Nullable WxApp defaultApp) {
		for (WxApp app : apps) {
			if (this.byAppid.putIfAbsent(app.appid(), app) != null) {
				throw new IllegalArgumentException("AppID " + app.appid() + " is configured twice");
			}
		}
		if (defaultApp != null && !defaultApp.equals(this.byAppid.get(defaultApp.appid()))) {
			throw new IllegalArgumentException("the default app must be one of the apps");
		}
		this.defaultApp = defaultApp;
	}

	/**
	 * The set of one mini program, which is also the default.
	 * @param app the mini program
	 * @return the set
	 */
	public static WxApps of(WxApp app) {
		return new WxApps(List.of(app), app);
	}

	/**
	 * Find an app by its AppID.
	 * @param appid the AppID
	 * @return the app, or empty when this back end does not serve it
	 */
	public Optional<WxApp> find(String appid) {
		return Optional.ofNullable(this.byAppid.get(appid));
	}

	/**
	 * Return the app of logins that name none.
	 * @return the default app, or empty when several apps are served and none is the default
	 */
	public Optional<WxApp> defaultApp() {
		return Optional.ofNullable(this.defaultApp);
	}

	/**
	 * Return every app, in the order they were configured.
	 * @return the apps
	 */
	public Collection<WxApp> all() {
		return List.copyOf(this.byAppid.values());
	}

	@Override
	public String toString() {
		return "WxApps" + this.byAppid.keySet();
	}

}
