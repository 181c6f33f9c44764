package io.github.wxlogin.observability;

import java.util.Locale;

import io.github.wxlogin.app.WxRegisteredApp;
import org.jspecify.annotations.Nullable;

/**
 * A mini program as the {@code wxapps} endpoint shows it: whether its secrets are set, never what they are.
 *
 * @param appid the AppID
 * @param tenant the tenant of its accounts
 * @param enabled whether it serves logins
 * @param source where it is kept: {@code properties}, {@code database} or {@code host}
 * @param secretSet whether an AppSecret is set
 * @param pushConfigured whether message push is set up
 * @param lastTokenFetch when this instance last fetched its WeChat access token (ISO-8601), or {@code null}
 */
public record WxAppView(String appid, String tenant, boolean enabled, String source, boolean secretSet,
		boolean pushConfigured, @Nullable String lastTokenFetch) {

	static WxAppView of(WxRegisteredApp app, @Nullable String lastTokenFetch) {
		String secret = app.app().secret();
		return new WxAppView(app.appid(), app.tenant(), app.enabled(), app.source().name().toLowerCase(Locale.ROOT),
				secret != null && !secret.isBlank(), app.push() != null, lastTokenFetch);
	}

}
