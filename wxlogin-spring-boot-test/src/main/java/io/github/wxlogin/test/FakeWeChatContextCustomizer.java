package io.github.wxlogin.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link FakeWeChatServer} for an application context, registers it as a bean
 * that closes with the context, and adds its properties with the highest precedence, so
 * that the test talks to the fake whatever the application's configuration says. Where
 * that configuration names another WeChat server, AppID or AppSecret, a WARN says which
 * value the fake replaced and how to keep it. Equal settings give equal customizers, so
 * that contexts are cached and shared.
 *
 * @param appid the AppID to accept, empty for the application's own or the default
 * @param secret the AppSecret to accept, empty for a random one
 * @param apiSecurity whether the mini program has API security on
 */
record FakeWeChatContextCustomizer(String appid, String secret, boolean apiSecurity) implements ContextCustomizer {

	/** The prefix of the API security properties of the mini program "wx.login.appid" configures. */
	static final String API_SECURITY = "wx.login.api-security";

	static final String BEAN_NAME = "fakeWeChatServer";

	static final String PROPERTY_SOURCE_NAME = "fakeWeChatServer";

	private static final Log logger = LogFactory.getLog(FakeWeChatContextCustomizer.class);

	private static final Pattern APPID = Pattern.compile("wx[0-9a-f]{16}");

	// Spring Boot's view of every other source, which would name each property twice
	private static final String ATTACHED_SOURCE = "configurationProperties";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ConfigurableEnvironment environment = context.getEnvironment();
		FakeWeChatServer server = startServer(environment);
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, server);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(BEAN_NAME, server::close);
		}
		Map<String, Object> values = new LinkedHashMap<>(FakeWeChatProperties.of(server));
		if (this.apiSecurity) {
			values.putAll(server.enableApiSecurity().properties(API_SECURITY));
		}
		MapPropertySource properties = new MapPropertySource(PROPERTY_SOURCE_NAME, values);
		environment.getPropertySources().addFirst(properties);
		// Once every customizer has added its properties (dynamic ones too), this test's must still come first
		context.addBeanFactoryPostProcessor(new FirstPropertySource(environment, properties));
	}

	private FakeWeChatServer startServer(ConfigurableEnvironment environment) {
		String configured = configured(environment, FakeWeChatProperties.APPID);
		String appid = !this.appid.isEmpty() ? this.appid
				: (configured != null && APPID.matcher(configured).matches()) ? configured
						: FakeWeChatServer.DEFAULT_APPID;
		String secret = this.secret.isEmpty() ? WeChatCrypto.randomHex(16) : this.secret;
		return FakeWeChatServer.start(appid, secret);
	}

	/**
	 * Return what the environment's own sources say of a property, with placeholders
	 * resolved.
	 * @param environment the environment
	 * @param name the property
	 * @return the value, or {@code null} when no source sets it or it holds a placeholder
	 * that nothing resolves
	 */
	static @Nullable String configured(ConfigurableEnvironment environment, String name) {
		PropertySource<?> source = sourceOf(environment.getPropertySources(), name);
		if (source == null || source.getProperty(name) == null) {
			return null;
		}
		String value = environment.resolvePlaceholders(String.valueOf(source.getProperty(name)));
		return value.contains("${") ? null : value;
	}

	private static @Nullable PropertySource<?> sourceOf(MutablePropertySources sources, String name) {
		for (PropertySource<?> source : sources) {
			boolean own = PROPERTY_SOURCE_NAME.equals(source.getName()) || ATTACHED_SOURCE.equals(source.getName());
			if (!own && source.containsProperty(name)) {
				return source;
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return "FakeWeChatContextCustomizer[appid=" + this.appid + ", apiSecurity=" + this.apiSecurity + "]";
	}

	/**
	 * Puts the fake's properties first again, and warns of each value of the
	 * configuration they replace.
	 */
	private record FirstPropertySource(ConfigurableEnvironment environment,
			MapPropertySource properties) implements BeanFactoryPostProcessor {

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
			MutablePropertySources sources = this.environment.getPropertySources();
			sources.remove(PROPERTY_SOURCE_NAME);
			sources.addFirst(this.properties);
			for (Map.Entry<String, Object> property : this.properties.getSource().entrySet()) {
				warnIfReplaced(property.getKey(), String.valueOf(property.getValue()));
			}
		}

		private void warnIfReplaced(String name, String fake) {
			String configured = configured(this.environment, name);
			if (configured == null || configured.equals(fake)) {
				return;
			}
			PropertySource<?> source = sourceOf(this.environment.getPropertySources(), name);
			String where = (source != null) ? " from " + source.getName() : "";
			boolean secret = FakeWeChatProperties.SECRET.equals(name) || name.startsWith(API_SECURITY);
			logger.warn("@AutoConfigureFakeWeChat: this test uses the fake WeChat server's " + name
					+ (secret ? "" : " (" + fake + ")") + " rather than the configured one"
					+ (secret ? "" : " (" + configured + ")") + where + ". " + advice(name));
		}

		private static String advice(String name) {
			return switch (name) {
				case FakeWeChatProperties.APPID -> "To make the fake accept the configured AppID, give it as "
						+ "@AutoConfigureFakeWeChat(appid = \"...\").";
				case FakeWeChatProperties.SECRET -> "To make the fake accept the configured AppSecret, give it as "
						+ "@AutoConfigureFakeWeChat(secret = \"...\").";
				default -> "To call another server, use FakeWeChatServerExtension or no fake at all.";
			};
		}

	}

}
