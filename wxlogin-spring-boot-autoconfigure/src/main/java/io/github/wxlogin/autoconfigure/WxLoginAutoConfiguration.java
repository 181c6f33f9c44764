package io.github.wxlogin.autoconfigure;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of WeChat Mini Program login: the WeChat client, the stores, the token service and
 * the login endpoints. Runs after the DataSource and Redis auto-configurations, whose beans choose the
 * stores, and before the resource server's, so that its {@code JwtDecoder} is the one used.
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
				// Spring Boot 3.5
				"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
				"org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
				"org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration" },
		beforeName = { "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
				// Spring Boot 3.5
				"org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnClass({ RestClient.class, Caffeine.class })
@ConditionalOnBooleanProperty(name = "wx.login.enabled", matchIfMissing = true)
@EnableConfigurationProperties(WxLoginProperties.class)
@Import({ WxRedisStoreConfiguration.class, WxAppRegistryConfiguration.class, WxApiConfiguration.class,
		WxStateStoreConfiguration.class, WxUserStoreConfiguration.class, WxTokenConfiguration.class, WxLoginServicesConfiguration.class, WxObservabilityConfiguration.class,
		WxWebConfiguration.class, WxWarmUpConfiguration.class })
public final class WxLoginAutoConfiguration {

}
