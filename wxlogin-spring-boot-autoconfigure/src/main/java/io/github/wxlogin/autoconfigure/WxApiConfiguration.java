package io.github.wxlogin.autoconfigure;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import io.github.wxlogin.wechat.CaffeineWxAccessTokenProvider;
import io.github.wxlogin.wechat.ObservedWxApiClient;
import io.github.wxlogin.wechat.RestClientWxApiClient;
import io.github.wxlogin.wechat.WxAccessTokenProvider;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApiOutcomes;
import io.github.wxlogin.wechat.WxApp;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * The mini program's credentials, the WeChat API client and the WeChat access token.
 */
@Configuration(proxyBeanMethods = false)
class WxApiConfiguration {

	/** Pauses before the retries of a call WeChat answered with "busy" (-1). */
	private static final Duration[] BUSY_BACKOFF = { Duration.ofMillis(100), Duration.ofMillis(300) };

	@Bean
	@ConditionalOnMissingBean
	WxApp wxApp(WxLoginProperties properties) {
		return new WxApp(required("wx.login.appid", properties.appid(), "the mini program's AppID"),
				required("wx.login.secret", properties.secret(), "the mini program's AppSecret"));
	}

	private static String required(String property, String value, String what) {
		if (!StringUtils.hasText(value)) {
			throw new WxLoginPropertyException(property, "is not set", "Set '" + property + "' to " + what
					+ " (WeChat admin console > Development > Development Settings), for example in application.yml "
					+ "or as the environment variable " + property.replace('.', '_').replace("-", "").toUpperCase()
					+ ".");
		}
		return value.trim();
	}

	@Bean
	@ConditionalOnMissingBean
	WxApiOutcomes wxApiOutcomes() {
		return new WxApiOutcomes();
	}

	@Bean
	@ConditionalOnMissingBean
	WxApiClient wxApiClient(WxLoginProperties properties, ObjectProvider<RestClient.Builder> restClientBuilder,
			WxApiOutcomes outcomes, ObjectProvider<ObservationRegistry> observations, ObjectProvider<Clock> clock) {
		HttpClient httpClient = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(properties.readTimeout());
		RestClient restClient = restClientBuilder.getIfAvailable(RestClient::builder)
			.clone()
			.baseUrl(properties.apiBaseUrl())
			.requestFactory(requestFactory)
			.build();
		Clock now = clock.getIfAvailable(Clock::systemUTC);
		return new ObservedWxApiClient(new RestClientWxApiClient(restClient, now, BUSY_BACKOFF),
				observations.getIfAvailable(() -> ObservationRegistry.NOOP), outcomes, now);
	}

	@Bean
	@ConditionalOnMissingBean
	WxAccessTokenProvider wxAccessTokenProvider(WxApiClient client, WxLoginProperties properties,
			ObjectProvider<Clock> clock) {
		return new CaffeineWxAccessTokenProvider(client, properties.accessToken().refreshAhead(),
				clock.getIfAvailable(Clock::systemUTC));
	}

}
