package io.github.wxlogin.sample.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.wxlogin.test.FakeWeChatServer;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Demo mode, for a developer's machine: a {@link FakeWeChatServer} in this process, and the starter
 * pointed at it before any bean of the starter is created. The server becomes the {@value #BEAN_NAME}
 * bean and stops when the application context closes. Each Spring Boot line's
 * {@code DemoModeEnvironmentPostProcessor} calls it.
 * <p>
 * Demo mode is on in two cases only:
 * <ul>
 * <li>the application is given no WeChat credentials at all: no {@code wx.login.appid}, no
 * {@code wx.login.secret}, no {@code wx.login.apps.*} and no {@code wx.login.api-base-url}; the fake
 * then runs with a demo AppID and AppSecret, and tokens are signed with a fixed demo key so that they
 * survive a restart;</li>
 * <li>the command line says {@value #SWITCH} (only the command line: an environment variable or a
 * configuration file that travels to a server cannot turn it on); credentials given then go to the fake,
 * which accepts them, and the published demo key is never used: tokens are signed with the host's
 * {@code wx.login.jwt.*} key, or the starter's generated one.</li>
 * </ul>
 * Given credentials and no {@value #SWITCH}, the application talks to WeChat ({@code api-base-url}
 * defaults to WeChat's own) and nothing of the demo exists. The demo endpoints answer only to this
 * machine in any case.
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

	/**
	 * The command-line switch that turns demo mode on whatever else is given.
	 */
	public static final String SWITCH = "--demo";

	private static final String SWITCH_NAME = "demo";

	static final String API_BASE_URL = "wx.login.api-base-url";

	static final String APPID = "wx.login.appid";

	static final String SECRET = "wx.login.secret";

	static final String APPS = "wx.login.apps";

	static final String HMAC_SECRET = "wx.login.jwt.hmac-secret";

	static final String PRIVATE_KEY_LOCATION = "wx.login.jwt.private-key-location";

	private static final String DEMO_SECRET = "demo0secret0of0the0fake0wechat00";

	/**
	 * The demo's signing key, fixed so that the demo's tokens survive a restart; published here, so only for
	 * the demo's own users, and never used when credentials or a key of the developer's own are given.
	 */
	public static final String DEMO_HMAC_SECRET = "wxlogin-demo-mode-hmac-secret-not-for-production";

	private DemoMode() {
	}

	/**
	 * Start the fake server and add the demo properties, when demo mode is on.
	 * @param environment the application's environment
	 * @param logger where to say that demo mode is on
	 * @return the running server, or {@code null} when demo mode is off
	 */
	public static @Nullable FakeWeChatServer start(ConfigurableEnvironment environment, Log logger) {
		if (environment.getPropertySources().contains(BEAN_NAME)) {
			return null;
		}
		Binder binder = Binder.get(environment);
		boolean credentials = isSet(binder, APPID) || isSet(binder, SECRET)
				|| binder.bind(APPS, Bindable.mapOf(String.class, String.class)).isBound();
		boolean switchedOn = switchedOn(environment);
		if (!switchedOn && (credentials || isSet(binder, API_BASE_URL))) {
			return null;
		}
		if (isSet(binder, API_BASE_URL)) {
			throw new IllegalStateException(SWITCH + " runs a fake WeChat server in this process; leave out "
					+ API_BASE_URL + ", or leave out " + SWITCH + " to use that server");
		}
		FakeWeChatServer server = FakeWeChatServer.start(environment.getProperty(APPID, DEMO_APPID),
				environment.getProperty(SECRET, DEMO_SECRET));
		boolean ownKey = isSet(binder, HMAC_SECRET) || isSet(binder, PRIVATE_KEY_LOCATION);
		environment.getPropertySources()
			.addLast(new MapPropertySource(BEAN_NAME, demoProperties(server, !credentials && !ownKey)));
		logger.info("Demo mode (" + (credentials ? SWITCH : "no WeChat credentials given")
				+ "), for a developer's machine: a fake WeChat server runs at " + server.baseUrl() + " for AppID "
				+ server.appid() + ", and the /demo endpoints answer only to this machine");
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

	private static boolean isSet(Binder binder, String name) {
		return binder.bind(name, String.class).isBound();
	}

	private static boolean switchedOn(ConfigurableEnvironment environment) {
		PropertySource<?> commandLine = environment.getPropertySources()
			.get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
		if (commandLine == null || !commandLine.containsProperty(SWITCH_NAME)) {
			return false;
		}
		// "--demo" alone has an empty value
		Object value = commandLine.getProperty(SWITCH_NAME);
		return value == null || value.toString().isEmpty() || Boolean.parseBoolean(value.toString());
	}

	private static Map<String, Object> demoProperties(FakeWeChatServer server, boolean demoKey) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(API_BASE_URL, server.baseUrl());
		properties.put(APPID, server.appid());
		properties.put(SECRET, server.secret());
		if (demoKey) {
			properties.put(HMAC_SECRET, DEMO_HMAC_SECRET);
		}
		return properties;
	}

}
