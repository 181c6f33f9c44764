package io.github.wxlogin.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The mini programs of the application's properties ({@code wx.login.appid}, {@code wx.login.apps.*}): fixed
 * for the application's life.
 */
public final class PropertiesWxAppRegistry implements WxAppRegistry {

	private final Map<String, WxRegisteredApp> apps;

	private final @Nullable String defaultAppid;

	/**
	 * Create the registry.
	 * @param apps the apps by AppID, in the order they were configured
	 * @param defaultAppid the AppID of logins that name none, or {@code null} when logins must name one
	 * @throws IllegalArgumentException if the default app is not one of the apps, or an app is keyed by
	 * another AppID than its own
	 */
	public PropertiesWxAppRegistry(Map<String, WxRegisteredApp> apps, @Nullable String defaultAppid) {
		apps.forEach((appid, app) -> {
			if (!appid.equals(app.appid())) {
				throw new IllegalArgumentException("app " + app.appid() + " is keyed by " + appid);
			}
		});
		if (defaultAppid != null && !apps.containsKey(defaultAppid)) {
			throw new IllegalArgumentException("the default app must be one of the apps");
		}
		this.apps = new LinkedHashMap<>(apps);
		this.defaultAppid = defaultAppid;
	}

	@Override
	public Optional<WxRegisteredApp> find(String appid) {
		return Optional.ofNullable(this.apps.get(appid));
	}

	@Override
	public Optional<String> defaultAppid() {
		return Optional.ofNullable(this.defaultAppid);
	}

	@Override
	public List<WxRegisteredApp> list() {
		return List.copyOf(this.apps.values());
	}

	@Override
	public String toString() {
		return "PropertiesWxAppRegistry" + this.apps.keySet();
	}

}
