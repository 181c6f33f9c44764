package io.github.wxlogin.sample;

import java.util.List;
import java.util.Optional;

import io.github.wxlogin.app.WxAppRegistry;
import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.app.WxRegisteredApp;
import io.github.wxlogin.wechat.WxApp;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The registry of the properties' apps, which the {@code wxapps} endpoint lists, for a starter without a
 * registry bean of its own yet.
 */
@TestConfiguration(proxyBeanMethods = false)
class PropertiesAppRegistry {

	@Bean
	WxAppRegistry propertiesAppRegistry(WxApps apps) {
		return new WxAppRegistry() {

			@Override
			public Optional<WxRegisteredApp> find(String appid) {
				return apps.find(appid).map(PropertiesAppRegistry::registered);
			}

			@Override
			public Optional<String> defaultAppid() {
				return apps.defaultApp().map(WxApp::appid);
			}

			@Override
			public List<WxRegisteredApp> list() {
				return apps.all().stream().map(PropertiesAppRegistry::registered).toList();
			}

		};
	}

	private static WxRegisteredApp registered(WxApp app) {
		return new WxRegisteredApp(app, true, null, WxRegisteredApp.Source.PROPERTIES);
	}

}
