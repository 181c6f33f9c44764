package io.github.wxlogin.sample.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.wxlogin.test.FakeWeChatServer;
import org.apache.commons.logging.Log;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Switches the application to demo mode when {@code wx.login.api-base-url} is not set: starts a
 * {@link FakeWeChatServer} in this process and points the starter at it with a demo AppID and
 * AppSecret, before any bean of the starter is created. The server becomes the
 * {@value #BEAN_NAME} bean and stops when the application context closes.
 * <p>
 * The demo properties have the lowest precedence, so {@code wx.login.appid}, {@code wx.login.secret}
 * or {@code wx.login.jwt.hmac-secret} given elsewhere still apply (the fake then accepts the
 * credentials given). Setting {@code wx.login.api-base-url} anywhere turns demo mode off.
 * <p>
 * Tests of this application use the demo server bean rather than
 * {@code @AutoConfigureFakeWeChat}, whose properties would come after these.
 */
public class DemoModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * Name of the fake server's bean and of the demo property source.
	 */
	public static final String BEAN_NAME = "demoWeChatServer";

	/**
	 * AppID of the demo mini program.
	 */
	public static final String DEMO_APPID = "wxdemo0000000001";

	static final String API_BASE_URL = "wx.login.api-base-url";

	static final String APPID = "wx.login.appid";

	static final String SECRET = "wx.login.secret";

	static final String HMAC_SECRET = "wx.login.jwt.hmac-secret";

	private static final String DEMO_SECRET = "demo0secret0of0the0fake0wechat00";

	// Fixed so that the demo's tokens survive a restart; never use a published secret in production
	private static final String DEMO_HMAC_SECRET = "wxlogin-demo-mode-hmac-secret-not-for-production";

	private final Log logger;

	private final ConfigurableBootstrapContext bootstrapContext;

	/**
	 * Create the post-processor; Spring Boot supplies the arguments.
	 * @param logFactory the factory of logs that are written once logging is set up
	 * @param bootstrapContext the context that hands the fake server over to the application context
	 */
	public DemoModeEnvironmentPostProcessor(DeferredLogFactory logFactory,
			ConfigurableBootstrapContext bootstrapContext) {
		this.logger = logFactory.getLog(DemoModeEnvironmentPostProcessor.class);
		this.bootstrapContext = bootstrapContext;
	}

	@Override
	public int getOrder() {
		// After the application's own configuration files have been read
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty(API_BASE_URL) || environment.getPropertySources().contains(BEAN_NAME)) {
			return;
		}
		FakeWeChatServer server = FakeWeChatServer.start(environment.getProperty(APPID, DEMO_APPID),
				environment.getProperty(SECRET, DEMO_SECRET));
		environment.getPropertySources().addLast(new MapPropertySource(BEAN_NAME, demoProperties(server)));
		this.bootstrapContext
			.addCloseListener((event) -> registerBean(event.getApplicationContext().getBeanFactory(), server));
		this.logger.info("Demo mode: no wx.login.api-base-url, so a fake WeChat server runs at " + server.baseUrl()
				+ " for AppID " + server.appid());
	}

	private static Map<String, Object> demoProperties(FakeWeChatServer server) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(API_BASE_URL, server.baseUrl());
		properties.put(APPID, server.appid());
		properties.put(SECRET, server.secret());
		properties.put(HMAC_SECRET, DEMO_HMAC_SECRET);
		return properties;
	}

	private static void registerBean(ConfigurableListableBeanFactory beanFactory, FakeWeChatServer server) {
		beanFactory.registerSingleton(BEAN_NAME, server);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(BEAN_NAME, server::close);
		}
	}

}
