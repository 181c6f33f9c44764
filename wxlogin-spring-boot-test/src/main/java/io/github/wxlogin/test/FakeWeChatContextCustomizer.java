package io.github.wxlogin.test;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link FakeWeChatServer} for an application context, registers it as a bean
 * that closes with the context, and adds its properties with the lowest precedence.
 * Equal settings give equal customizers, so that contexts are cached and shared.
 *
 * @param appid the AppID to accept, empty for the default
 * @param secret the AppSecret to accept, empty for a random one
 */
record FakeWeChatContextCustomizer(String appid, String secret) implements ContextCustomizer {

	static final String BEAN_NAME = "fakeWeChatServer";

	static final String PROPERTY_SOURCE_NAME = "fakeWeChatServer";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		FakeWeChatServer server = startServer();
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, server);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(BEAN_NAME, server::close);
		}
		context.getEnvironment()
			.getPropertySources()
			.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, FakeWeChatProperties.of(server)));
	}

	private FakeWeChatServer startServer() {
		if (this.appid.isEmpty() && this.secret.isEmpty()) {
			return FakeWeChatServer.start();
		}
		String appid = this.appid.isEmpty() ? FakeWeChatServer.DEFAULT_APPID : this.appid;
		String secret = this.secret.isEmpty() ? WeChatCrypto.randomHex(16) : this.secret;
		return FakeWeChatServer.start(appid, secret);
	}

	@Override
	public String toString() {
		return "FakeWeChatContextCustomizer[appid=" + this.appid + "]";
	}

}
