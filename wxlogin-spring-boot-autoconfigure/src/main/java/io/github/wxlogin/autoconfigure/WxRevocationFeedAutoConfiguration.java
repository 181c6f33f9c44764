package io.github.wxlogin.autoconfigure;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.wxlogin.session.RedisTokenRevocationStore;
import io.github.wxlogin.session.TokenRevocationStore;
import io.github.wxlogin.token.WxRevokedTokenValidator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Auto-configuration of another service of the same back end that honours the starter's revocations: it
 * follows them in Redis into memory and gives its resource server a validator that refuses revoked tokens
 * (Spring Boot applies every {@code OAuth2TokenValidator<Jwt>} bean to the decoder it configures). Off
 * unless {@code wx.login.revocation-feed.enabled}; the service itself needs no {@code wx.login} login
 * settings ({@code wx.login.enabled=false}).
 */
@AutoConfiguration(after = WxLoginAutoConfiguration.class,
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				// Spring Boot 3.5
				"org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration" },
		beforeName = { "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
				// Spring Boot 3.5
				"org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnClass({ StringRedisTemplate.class, Jwt.class, Caffeine.class })
@ConditionalOnBooleanProperty("wx.login.revocation-feed.enabled")
@ConditionalOnBean(RedisConnectionFactory.class)
@EnableConfigurationProperties(WxRevocationFeedProperties.class)
public final class WxRevocationFeedAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(TokenRevocationStore.class)
	RedisTokenRevocationStore wxRevocationFeed(RedisConnectionFactory connectionFactory,
			WxRevocationFeedProperties properties, ObjectProvider<Clock> clock) {
		return new RedisTokenRevocationStore(new StringRedisTemplate(connectionFactory), properties.keyPrefix(),
				clock.getIfAvailable(Clock::systemUTC), properties.clockSkew(), properties.accessTokenTtl());
	}

	@Bean
	@ConditionalOnMissingBean
	WxRevokedTokenValidator wxRevokedTokenValidator(TokenRevocationStore revocations) {
		return new WxRevokedTokenValidator(revocations);
	}

}
