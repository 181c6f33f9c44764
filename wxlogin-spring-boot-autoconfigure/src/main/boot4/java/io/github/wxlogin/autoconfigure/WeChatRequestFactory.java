package io.github.wxlogin.autoconfigure;

import java.util.function.Supplier;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * The request factory of the WeChat calls, made by Spring Boot's {@link ClientHttpRequestFactoryBuilder} with
 * the application's {@link HttpClientSettings} ({@code spring.http.clients.*}), the starter's timeouts and
 * proxy. Bodies are buffered so that they go out with a {@code Content-Length} rather than chunked.
 * <p>
 * The settings, the builder and the proxy are resolved when the application starts, so that a wrong
 * setting fails start-up; the factory itself, with its HTTP client and TLS context, is made when first
 * asked for, on the first WeChat call.
 */
final class WeChatRequestFactory {

	private WeChatRequestFactory() {
	}

	static Supplier<ClientHttpRequestFactory> create(WxLoginProperties properties, BeanFactory beans) {
		HttpClientSettings settings = beans.getBeanProvider(HttpClientSettings.class)
			.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(properties.connectTimeout(), properties.readTimeout());
		ClientHttpRequestFactoryBuilder<?> builder = beans.getBeanProvider(ClientHttpRequestFactoryBuilder.class)
			.getIfAvailable(ClientHttpRequestFactoryBuilder::detect);
		ClientHttpRequestFactoryBuilder<?> withProxy = WeChatProxy.apply(builder, properties);
		return () -> new BufferingClientHttpRequestFactory(withProxy.build(settings));
	}

}
