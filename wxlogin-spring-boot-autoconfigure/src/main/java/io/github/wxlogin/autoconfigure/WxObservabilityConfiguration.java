package io.github.wxlogin.autoconfigure;

import java.time.Clock;

import io.github.wxlogin.observability.WxAccessTokenGauge;
import io.github.wxlogin.observability.WxApiCallQueueGauge;
import io.github.wxlogin.wechat.WxApiCallQueue;
import io.github.wxlogin.wechat.WxApiOutcomes;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The {@code wxlogin} health indicator, and the gauges of the WeChat access token and of the WeChat calls
 * waiting their turn, each when its library is present. Logins, refreshes and WeChat calls need nothing here: their observations become timers
 * wherever Spring Boot's meter observation handler is set up.
 */
@Configuration(proxyBeanMethods = false)
@Import(WxHealthConfiguration.class)
class WxObservabilityConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class WxMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		WxAccessTokenGauge wxAccessTokenGauge(WxApiOutcomes outcomes, ObjectProvider<Clock> clock) {
			return new WxAccessTokenGauge(outcomes, clock.getIfAvailable(Clock::systemUTC));
		}

		@Bean
		@ConditionalOnMissingBean
		WxApiCallQueueGauge wxApiCallQueueGauge(WxApiCallQueue queue) {
			return new WxApiCallQueueGauge(queue);
		}

	}

}
