package io.github.wxlogin.autoconfigure;

import io.lettuce.core.RedisClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.data.redis.ClientResourcesBuilderCustomizer;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link WxLettuceSettings} applied to the Lettuce client that Spring Boot 3.5 builds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ RedisClient.class, RedisProperties.class })
class WxLettuceConfiguration {

	@Bean
	LettuceClientConfigurationBuilderCustomizer wxLoginLettuceCommandTimeout(WxLoginProperties properties,
			ObjectProvider<RedisProperties> redis) {
		return (builder) -> WxLettuceSettings.commandTimeout(builder, properties,
				redis.getIfAvailable(RedisProperties::new).getTimeout());
	}

	@Bean
	LettuceClientOptionsBuilderCustomizer wxLoginLettuceConnectTimeout(WxLoginProperties properties,
			ObjectProvider<RedisProperties> redis) {
		return (builder) -> WxLettuceSettings.connectTimeout(builder, properties,
				redis.getIfAvailable(RedisProperties::new).getConnectTimeout());
	}

	@Bean
	ClientResourcesBuilderCustomizer wxLoginLettuceReconnectDelay() {
		return WxLettuceSettings::reconnectDelay;
	}

}
