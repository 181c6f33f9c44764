package io.github.wxlogin.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.wxlogin.redis.LocalRedis;
import io.github.wxlogin.session.CaffeineTokenRevocationStore;
import io.github.wxlogin.session.RedisTokenRevocationStore;
import io.github.wxlogin.session.TokenRevocationStore;
import io.github.wxlogin.session.WxSessionEndReason;
import io.github.wxlogin.token.WxRevokedTokenValidator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WxRevocationFeedAutoConfiguration}: another service's validator of revoked tokens.
 */
class WxRevocationFeedAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.redis()))
		.withConfiguration(AutoConfigurations.of(WxRevocationFeedAutoConfiguration.class))
		.withPropertyValues("wx.login.enabled=false", "spring.data.redis.host=" + LocalRedis.HOST,
				"spring.data.redis.port=" + LocalRedis.PORT,
				"wx.login.revocation-feed.key-prefix=" + LocalRedis.uniqueKeyPrefix(getClass()));

	@Test
	void whenTheFeedIsNotEnabledThenNothingIsAdded() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(WxRevokedTokenValidator.class)
			.doesNotHaveBean(TokenRevocationStore.class));
	}

	@Test
	void whenTheFeedIsEnabledThenTheServiceFollowsRedisAndValidatesTokens() {
		this.contextRunner.withPropertyValues("wx.login.revocation-feed.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(WxRevokedTokenValidator.class)
				.hasSingleBean(RedisTokenRevocationStore.class));
	}

	@Test
	void whenTheHostDefinesItsRevocationsThenTheValidatorUsesThem() {
		this.contextRunner.withPropertyValues("wx.login.revocation-feed.enabled=true")
			.withUserConfiguration(HostRevocations.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(RedisTokenRevocationStore.class);
				context.getBean(TokenRevocationStore.class).revoke("jti-1", Instant.now().plusSeconds(60));
				Jwt revoked = Jwt.withTokenValue("t").header("alg", "none").jti("jti-1").build();
				assertThat(context.getBean(WxRevokedTokenValidator.class).validate(revoked).getErrors())
					.singleElement()
					.satisfies((error) -> assertThat(error.getDescription())
						.contains(WxSessionEndReason.SESSION_REVOKED.code()));
				Jwt valid = Jwt.withTokenValue("t").header("alg", "none").jti("jti-2").build();
				assertThat(context.getBean(WxRevokedTokenValidator.class).validate(valid).hasErrors()).isFalse();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class HostRevocations {

		@Bean
		TokenRevocationStore hostRevocations() {
			return new CaffeineTokenRevocationStore(Clock.systemUTC(), Duration.ofSeconds(30));
		}

	}

}
