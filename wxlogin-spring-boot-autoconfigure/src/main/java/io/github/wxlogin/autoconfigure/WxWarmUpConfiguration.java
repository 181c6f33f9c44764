package io.github.wxlogin.autoconfigure;

import io.github.wxlogin.observability.WxLoginWarmUp;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The warm-up of the stores before the web server starts, from the {@link WxLoginWarmUp.Step} beans: the
 * starter's own for its JDBC user store and its Redis store, and any the host declares. A store the host
 * replaced is the host's to warm, with a step of its own.
 */
@Configuration(proxyBeanMethods = false)
class WxWarmUpConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WxLoginWarmUp wxLoginWarmUp(WxLoginProperties properties, ObjectProvider<WxLoginWarmUp.Step> steps) {
		return new WxLoginWarmUp(steps.orderedStream().toList(), properties.store().warmUpTimeout());
	}

}
