package io.github.wxlogin.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.github.wxlogin.WxTenant;
import io.github.wxlogin.app.WxAppManager;
import io.github.wxlogin.app.WxAppRegistration;
import io.github.wxlogin.app.WxAppRegistry;
import io.github.wxlogin.app.WxRegisteredApp;
import io.github.wxlogin.app.WxRegisteredApp.Source;
import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxPushSettings;
import org.jspecify.annotations.Nullable;

/**
 * A registry with a table, in memory: the apps given at creation are of the properties (read-only), the
 * others are registered through {@link WxAppManager} with the same refusals as a real table.
 */
public class InMemoryAppRegistry implements WxAppRegistry, WxAppManager {

	private final Map<String, WxRegisteredApp> apps = new LinkedHashMap<>();

	public InMemoryAppRegistry(WxApp... propertiesApps) {
		for (WxApp app : propertiesApps) {
			this.apps.put(app.appid(), new WxRegisteredApp(app, true, null, Source.PROPERTIES));
		}
	}

	@Override
	public synchronized Optional<WxRegisteredApp> find(String appid) {
		return Optional.ofNullable(this.apps.get(appid));
	}

	@Override
	public Optional<String> defaultAppid() {
		return Optional.empty();
	}

	@Override
	public synchronized List<WxRegisteredApp> list() {
		return new ArrayList<>(this.apps.values());
	}

	@Override
	public synchronized WxRegisteredApp register(WxAppRegistration registration) {
		if (!registration.appid().matches("wx[0-9a-f]{16}")) {
			throw new IllegalArgumentException("AppID must be wx and 16 hex characters");
		}
		if (this.apps.containsKey(registration.appid())) {
			throw new IllegalStateException("AppID " + registration.appid() + " is already served");
		}
		String tenant = (registration.tenant() != null) ? WxTenant.requireValid(registration.tenant())
				: WxTenant.DEFAULT;
		WxRegisteredApp app = new WxRegisteredApp(new WxApp(registration.appid(), registration.secret(), tenant),
				registration.enabled(), push(registration.pushToken(), registration.pushEncodingAesKey()),
				Source.DATABASE);
		this.apps.put(app.appid(), app);
		return app;
	}

	@Override
	public WxRegisteredApp changeSecret(String appid, String secret) {
		if (secret.isBlank()) {
			// Quotes the value, as a careless implementation might: the endpoint must not echo it
			throw new IllegalArgumentException("secret '" + secret + "' is blank");
		}
		return change(appid, (app) -> new WxRegisteredApp(new WxApp(appid, secret, app.tenant()), app.enabled(),
				app.push(), app.source()));
	}

	@Override
	public WxRegisteredApp changePush(String appid, @Nullable String token, @Nullable String encodingAesKey) {
		return change(appid, (app) -> new WxRegisteredApp(app.app(), app.enabled(), push(token, encodingAesKey),
				app.source()));
	}

	@Override
	public WxRegisteredApp changeTenant(String appid, String tenant) {
		return change(appid, (app) -> new WxRegisteredApp(
				new WxApp(appid, app.app().secret(), WxTenant.requireValid(tenant)), app.enabled(), app.push(),
				app.source()));
	}

	@Override
	public WxRegisteredApp disable(String appid) {
		return change(appid, (app) -> new WxRegisteredApp(app.app(), false, app.push(), app.source()));
	}

	@Override
	public WxRegisteredApp enable(String appid) {
		return change(appid, (app) -> new WxRegisteredApp(app.app(), true, app.push(), app.source()));
	}

	@Override
	public synchronized void remove(String appid) {
		tableApp(appid);
		this.apps.remove(appid);
	}

	private synchronized WxRegisteredApp change(String appid, UnaryOperator<WxRegisteredApp> change) {
		WxRegisteredApp changed = change.apply(tableApp(appid));
		this.apps.put(appid, changed);
		return changed;
	}

	private WxRegisteredApp tableApp(String appid) {
		WxRegisteredApp app = this.apps.get(appid);
		if (app == null) {
			throw new NoSuchElementException("No app has AppID " + appid);
		}
		if (app.source() == Source.PROPERTIES) {
			throw new IllegalStateException("AppID " + appid + " comes from the properties, which are read-only");
		}
		return app;
	}

	private static @Nullable WxPushSettings push(@Nullable String token, @Nullable String encodingAesKey) {
		return (token != null) ? new WxPushSettings(token, encodingAesKey) : null;
	}

}
