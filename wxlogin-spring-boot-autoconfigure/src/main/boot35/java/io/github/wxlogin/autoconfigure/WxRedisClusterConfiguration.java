package io.github.wxlogin.autoconfigure;

import io.lettuce.core.cluster.ClusterClientOptions;

import org.springframework.boot.autoconfigure.data.redis.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Lettuce's cluster topology refresh, through Boot 3's client options customizer (see
 * {@link RedisClusterTopologyRefresh}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ LettuceClientOptionsBuilderCustomizer.class, ClusterClientOptions.class })
class WxRedisClusterConfiguration {

	@Bean
	LettuceClientOptionsBuilderCustomizer wxLoginClusterTopologyRefresh(Environment environment) {
		return (builder) -> RedisClusterTopologyRefresh.applyDefaults(builder, environment);
	}

}
