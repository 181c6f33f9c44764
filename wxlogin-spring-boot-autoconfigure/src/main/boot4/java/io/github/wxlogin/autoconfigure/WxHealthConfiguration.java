package io.github.wxlogin.autoconfigure;

import java.time.Clock;

import io.github.wxlogin.observability.WxLoginHealthIndicator;
import io.github.wxlogin.wechat.WxApiOutcomes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code wxlogin} health indicator, when Boot 4's spring-boot-health is present.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
class WxHealthConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "wxloginHealthIndicator")
	WxLoginHealthIndicator wxloginHealthIndicator(WxApiOutcomes outcomes, ObjectProvider<Clock> clock) {
		return new WxLoginHealthIndicator(outcomes, clock.getIfAvailable(Clock::systemUTC));
	}

}
