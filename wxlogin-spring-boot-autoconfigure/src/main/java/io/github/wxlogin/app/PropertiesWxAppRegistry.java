package io.github.wxlogin.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The mini programs of the properties ({@code wx.login.appid}, {@code wx.login.apps.*}): fixed while the
 * application runs.
 */
public class PropertiesWxAppRegistry implements WxAppRegistry {

	private final Map<String, WxRegisteredApp> apps;

	private final @Nullable String defaultAppid;

	/**
	 * Create the registry.
	 * @param apps the apps by AppID, in the order they were configured
	 * @param defaultAppid the AppID of logins that name none, or {@code null} when they must name one
	 */
	public PropertiesWxAppRegistry(Map<String, WxRegisteredApp> apps, @Nullable String defaultAppid) {
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

}
