package io.github.wxlogin.sample.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.wxlogin.test.FakeWeChatServer;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Demo mode, when {@code wx.login.api-base-url} is not set: a {@link FakeWeChatServer} in this process,
 * and the starter pointed at it with a demo AppID and AppSecret, before any bean of the starter is
 * created. The server becomes the {@value #BEAN_NAME} bean and stops when the application context
 * closes. Each Spring Boot line's {@code DemoModeEnvironmentPostProcessor} calls it.
 * <p>
 * The demo properties have the lowest precedence, so {@code wx.login.appid}, {@code wx.login.secret}
 * or {@code wx.login.jwt.hmac-secret} given elsewhere still apply (the fake then accepts the
 * credentials given). Setting {@code wx.login.api-base-url} anywhere turns demo mode off.
 * <p>
 * Tests of this application use the demo server bean rather than
 * {@code @AutoConfigureFakeWeChat}, whose properties would come after these.
 */
public final class DemoMode {

	/**
	 * Name of the fake server's bean and of the demo property source.
	 */
	public static final String BEAN_NAME = "demoWeChatServer";

	/**
	 * AppID of the demo mini program.
	 */
	public static final String DEMO_APPID = "wxde30000000000001";

	static final String API_BASE_URL = "wx.login.api-base-url";

	static final String APPID = "wx.login.appid";

	static final String SECRET = "wx.login.secret";

	static final String HMAC_SECRET = "wx.login.jwt.hmac-secret";

	private static final String DEMO_SECRET = "demo0secret0of0the0fake0wechat00";

	// Fixed so that the demo's tokens survive a restart; never use a published secret in production
	private static final String DEMO_HMAC_SECRET = "wxlogin-demo-mode-hmac-secret-not-for-production";

	private DemoMode() {
	}

	/**
	 * Start the fake server and add the demo properties, unless the environment names a WeChat server.
	 * @param environment the application's environment
	 * @param logger where to say that demo mode is on
	 * @return the running server, or {@code null} when demo mode is off
	 */
	public static @Nullable FakeWeChatServer start(ConfigurableEnvironment environment, Log logger) {
		if (environment.containsProperty(API_BASE_URL) || environment.getPropertySources().contains(BEAN_NAME)) {
			return null;
		}
		FakeWeChatServer server = FakeWeChatServer.start(environment.getProperty(APPID, DEMO_APPID),
				environment.getProperty(SECRET, DEMO_SECRET));
		environment.getPropertySources().addLast(new MapPropertySource(BEAN_NAME, demoProperties(server)));
		logger.info("Demo mode: no wx.login.api-base-url, so a fake WeChat server runs at " + server.baseUrl()
				+ " for AppID " + server.appid());
		return server;
	}

	/**
	 * Hand the server to the application context, which closes it when it closes.
	 * @param beanFactory the application context's bean factory
	 * @param server the server
	 */
	public static void registerBean(ConfigurableListableBeanFactory beanFactory, FakeWeChatServer server) {
		beanFactory.registerSingleton(BEAN_NAME, server);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(BEAN_NAME, server::close);
		}
	}

	private static Map<String, Object> demoProperties(FakeWeChatServer server) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(API_BASE_URL, server.baseUrl());
		properties.put(APPID, server.appid());
		properties.put(SECRET, server.secret());
		properties.put(HMAC_SECRET, DEMO_HMAC_SECRET);
		return properties;
	}

}
