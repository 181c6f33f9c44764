package io.github.wxlogin.app;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.github.wxlogin.wechat.WxApp;

/**
 * The mini programs one back end serves, read through its {@link WxAppRegistry}, and the one a login
 * without an AppID is for. The app travels as a value from the request or the caller's token; nothing
 * holds a "current" app.
 */
public final class WxApps {

	private final WxAppRegistry registry;

	/**
	 * Serve the apps of a registry.
	 * @param registry where the apps are read from
	 */
	public WxApps(WxAppRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Serve a fixed set of apps, as the properties configure them.
	 * @param apps the mini programs, each with a distinct AppID
	 * @param defaultApp the app of logins that name none, or {@code null} when logins must name one
	 * @throws IllegalArgumentException if two apps share an AppID, or the default app is not one of them
	 */
	public WxApps(Collection<WxApp> apps, @Nullable WxApp defaultApp) {
		this(fixed(apps, defaultApp));
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
	 * Find an app that serves logins.
	 * @param appid the AppID
	 * @return the app, or empty when this back end does not serve it or it is switched off
	 */
	public Optional<WxApp> find(String appid) {
		return lookUp(appid).filter(WxRegisteredApp::enabled).map(WxRegisteredApp::app);
	}

	/**
	 * Look an app up, enabled or not, to tell an unknown app from one switched off.
	 * @param appid the AppID
	 * @return the app, or empty when this back end does not serve it
	 */
	public Optional<WxRegisteredApp> lookUp(String appid) {
		return this.registry.find(appid);
	}

	/**
	 * Return the AppID of logins that name none.
	 * @return the default app's AppID, or empty when logins must name their app
	 */
	public Optional<String> defaultAppid() {
		return this.registry.defaultAppid();
	}

	/**
	 * Return the app of logins that name none, when it serves logins.
	 * @return the default app, or empty when logins must name their app or it is switched off
	 */
	public Optional<WxApp> defaultApp() {
		return defaultAppid().flatMap(this::find);
	}

	/**
	 * Return every app, enabled or not; a registry with a table reads it whole.
	 * @return the apps
	 */
	public List<WxApp> all() {
		return this.registry.list().stream().map(WxRegisteredApp::app).toList();
	}

	/**
	 * Return the registry the apps are read from.
	 * @return the registry
	 */
	public WxAppRegistry registry() {
		return this.registry;
	}

	@Override
	public String toString() {
		return "WxApps[" + this.registry + "]";
	}

	private static WxAppRegistry fixed(Collection<WxApp> apps, @Nullable WxApp defaultApp) {
		Map<String, WxRegisteredApp> byAppid = new LinkedHashMap<>();
		for (WxApp app : apps) {
			WxRegisteredApp registered = new WxRegisteredApp(app, true, null, WxRegisteredApp.Source.PROPERTIES);
			if (byAppid.putIfAbsent(app.appid(), registered) != null) {
				throw new IllegalArgumentException("AppID " + app.appid() + " is configured twice");
			}
		}
		WxRegisteredApp registeredDefault = (defaultApp != null) ? byAppid.get(defaultApp.appid()) : null;
		if (defaultApp != null && (registeredDefault == null || !defaultApp.equals(registeredDefault.app()))) {
			throw new IllegalArgumentException("the default app must be one of the apps");
		}
		return new PropertiesWxAppRegistry(byAppid, (defaultApp != null) ? defaultApp.appid() : null);
	}

}
