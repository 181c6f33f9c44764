package io.github.wxlogin.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * The request factory of the WeChat calls, made by Spring Boot's {@link ClientHttpRequestFactoryBuilder} with
 * the application's {@link HttpClientSettings} ({@code spring.http.clients.*}), the starter's timeouts and
 * proxy. Bodies are buffered so that they go out with a {@code Content-Length} rather than chunked.
 */
final class WeChatRequestFactory {

	private WeChatRequestFactory() {
	}

	static ClientHttpRequestFactory create(WxLoginProperties properties, BeanFactory beans) {
		HttpClientSettings settings = beans.getBeanProvider(HttpClientSettings.class)
			.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(properties.connectTimeout(), properties.readTimeout());
		ClientHttpRequestFactoryBuilder<?> builder = beans.getBeanProvider(ClientHttpRequestFactoryBuilder.class)
			.getIfAvailable(ClientHttpRequestFactoryBuilder::detect);
		return new BufferingClientHttpRequestFactory(WeChatProxy.apply(builder, properties).build(settings));
	}

}
