package io.github.wxlogin.autoconfigure;

import io.lettuce.core.RedisClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link WxLettuceSettings} applied to the Lettuce client that Spring Boot 4 builds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ RedisClient.class, DataRedisProperties.class })
class WxLettuceConfiguration {

	@Bean
	LettuceClientConfigurationBuilderCustomizer wxLoginLettuceCommandTimeout(WxLoginProperties properties,
			ObjectProvider<DataRedisProperties> redis) {
		return (builder) -> WxLettuceSettings.commandTimeout(builder, properties,
				redis.getIfAvailable(DataRedisProperties::new).getTimeout());
	}

	@Bean
	LettuceClientOptionsBuilderCustomizer wxLoginLettuceConnectTimeout(WxLoginProperties properties,
			ObjectProvider<DataRedisProperties> redis) {
		return (builder) -> WxLettuceSettings.connectTimeout(builder, properties,
				redis.getIfAvailable(DataRedisProperties::new).getConnectTimeout());
	}

	@Bean
	ClientResourcesBuilderCustomizer wxLoginLettuceReconnectDelay() {
		return WxLettuceSettings::reconnectDelay;
	}

}
