package io.github.wxlogin.autoconfigure;

import java.time.Clock;

import io.github.wxlogin.observability.MicrometerWxLoginMetrics;
import io.github.wxlogin.observability.WxLoginHealthIndicator;
import io.github.wxlogin.wechat.WxApiOutcomes;
import io.github.wxlogin.web.WxLoginMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code wxlogin} health indicator and the Micrometer metrics, each when its library is present.
 */
@Configuration(proxyBeanMethods = false)
class WxObservabilityConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class WxMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		WxLoginMetrics wxLoginMetrics(ObjectProvider<MeterRegistry> registry, WxApiOutcomes outcomes,
				ObjectProvider<Clock> clock) {
			MeterRegistry meters = registry.getIfUnique();
			return (meters != null) ? new MicrometerWxLoginMetrics(meters, outcomes, clock.getIfAvailable(Clock::systemUTC))
					: WxLoginMetrics.NONE;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class WxHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "wxloginHealthIndicator")
		WxLoginHealthIndicator wxloginHealthIndicator(WxApiOutcomes outcomes, ObjectProvider<Clock> clock) {
			return new WxLoginHealthIndicator(outcomes, clock.getIfAvailable(Clock::systemUTC));
		}

	}

}
