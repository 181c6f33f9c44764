package io.github.wxlogin.autoconfigure;

import java.time.Clock;

import io.github.wxlogin.observability.MicrometerWxLoginMetrics;
import io.github.wxlogin.wechat.WxApiOutcomes;
import io.github.wxlogin.web.WxLoginMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The {@code wxlogin} health indicator and the Micrometer metrics, each when its library is present.
 */
@Configuration(proxyBeanMethods = false)
@Import(WxHealthConfiguration.class)
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

}
