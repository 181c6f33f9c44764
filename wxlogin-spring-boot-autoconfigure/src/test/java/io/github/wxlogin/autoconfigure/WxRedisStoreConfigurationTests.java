package io.github.wxlogin.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import io.github.wxlogin.redis.LocalRedis;
import io.github.wxlogin.redis.LocalRedisCluster;
import io.github.wxlogin.session.CaffeineRefreshTokenStore;
import io.github.wxlogin.session.CaffeineTokenRevocationStore;
import io.github.wxlogin.session.RedisRefreshTokenStore;
import io.github.wxlogin.session.RedisTokenRevocationStore;
import io.github.wxlogin.session.RefreshTokenStore;
import io.github.wxlogin.session.TokenRevocationStore;
import io.github.wxlogin.web.RedisWxRateLimiter;
import io.github.wxlogin.web.WxRateLimiter;
import io.github.wxlogin.wechat.CaffeineWxAccessTokenProvider;
import io.github.wxlogin.wechat.CaffeineWxSessionKeyStore;
import io.github.wxlogin.wechat.RedisWxAccessTokenProvider;
import io.github.wxlogin.wechat.RedisWxSessionKeyStore;
import io.github.wxlogin.wechat.WxAccessTokenProvider;
import io.github.wxlogin.wechat.WxSessionKeyStore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WxRedisStoreConfiguration}.
 */
class WxRedisStoreConfigurationTests {

	private static final String KEY_PREFIX = LocalRedis.uniqueKeyPrefix(WxRedisStoreConfigurationTests.class);

	private static LettuceConnectionFactory connectionFactory;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
		.withPropertyValues("wx.login.appid=wx0123456789abcdef", "wx.login.secret=s1", "wx.login.store.redis.key-prefix=" + KEY_PREFIX);

	private final ApplicationContextRunner contextRunnerWithRedis = this.contextRunner
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.redis()))
		.withPropertyValues("spring.data.redis.host=" + LocalRedis.HOST, "spring.data.redis.port=" + LocalRedis.PORT);

	/** Starts the shared cluster at first use, so that the other tests run without it. */
	private ApplicationContextRunner contextRunnerWithCluster() {
		return this.contextRunner.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.redis()))
			.withPropertyValues("spring.data.redis.cluster.nodes=" + LocalRedisCluster.nodesProperty());
	}

	@BeforeAll
	static void connect() {
		connectionFactory = LocalRedis.connect();
	}

	@AfterAll
	static void disconnect() {
		LocalRedis.deleteKeys(new StringRedisTemplate(connectionFactory), KEY_PREFIX);
		connectionFactory.destroy();
	}

	@Test
	void whenRedisConnectionFactoryExistsThenStateIsKeptInRedis() {
		this.contextRunnerWithRedis.run((context) -> {
			assertThat(context).hasSingleBean(WxSessionKeyStore.class)
				.hasSingleBean(RedisWxSessionKeyStore.class)
				.hasSingleBean(RefreshTokenStore.class)
				.hasSingleBean(RedisRefreshTokenStore.class)
				.hasSingleBean(TokenRevocationStore.class)
				.hasSingleBean(RedisTokenRevocationStore.class)
				.hasSingleBean(WxAccessTokenProvider.class)
				.hasSingleBean(RedisWxAccessTokenProvider.class);
			context.getBean(WxSessionKeyStore.class).save("wx1", "openid-1", "key-1==");
			assertThat(new StringRedisTemplate(connectionFactory).opsForValue()
				.get(KEY_PREFIX + "session-key:wx1:openid-1")).isEqualTo("key-1==");
		});
	}

	@Test
	void whenStateIsKeptInRedisThenRateLimitsAreCountedThere() {
		this.contextRunnerWithRedis.run((context) -> {
			WxRateLimiter limiter = context.getBean(WxRateLimiter.Factory.class).create("login", 1, Duration.ofMinutes(1));
			assertThat(limiter).isInstanceOf(RedisWxRateLimiter.class);
			assertThat(limiter.tryAcquire("203.0.113.9")).isEmpty();
			assertThat(limiter.tryAcquire("203.0.113.9")).isPresent();
			assertThat(new StringRedisTemplate(connectionFactory).hasKey(KEY_PREFIX + "rate-limit:login:203.0.113.9"))
				.isTrue();
		});
		this.contextRunnerWithRedis.withPropertyValues("wx.login.store.type=memory")
			.run((context) -> assertThat(context).doesNotHaveBean(WxRateLimiter.Factory.class));
	}

	@Test
	void whenRedisIsAClusterThenStateAndRateLimitsAreKeptThere() {
		LettuceConnectionFactory cluster = LocalRedisCluster.connect();
		try {
			this.contextRunnerWithCluster().run((context) -> {
				assertThat(context).hasSingleBean(RedisRefreshTokenStore.class);
				context.getBean(WxSessionKeyStore.class).save("wx1", "openid-1", "key-1==");
				assertThat(new StringRedisTemplate(cluster).opsForValue().get(KEY_PREFIX + "session-key:wx1:openid-1"))
					.isEqualTo("key-1==");
				WxRateLimiter limiter = context.getBean(WxRateLimiter.Factory.class)
					.create("login", 1, Duration.ofMinutes(1));
				assertThat(limiter).isInstanceOf(RedisWxRateLimiter.class);
				assertThat(limiter.tryAcquire("203.0.113.10")).isEmpty();
				assertThat(limiter.tryAcquire("203.0.113.10")).isPresent();
			});
		}
		finally {
			LocalRedis.deleteKeys(new StringRedisTemplate(cluster), KEY_PREFIX);
			cluster.destroy();
		}
	}

	@Test
	void whenRedisIsAClusterThenLettuceFollowsFailOversAndResharding() {
		this.contextRunnerWithCluster().run((context) -> {
			ClusterTopologyRefreshOptions refresh = topologyRefresh(context);
			assertThat(refresh.getAdaptiveRefreshTriggers()).isNotEmpty();
			assertThat(refresh.getAdaptiveRefreshTimeout()).isEqualTo(Duration.ofSeconds(1));
			assertThat(refresh.isPeriodicRefreshEnabled()).isTrue();
			assertThat(refresh.getRefreshPeriod()).isEqualTo(Duration.ofMinutes(1));
		});
	}

	@Test
	void whenHostConfiguresThePeriodicRefreshThenItIsKept() {
		this.contextRunnerWithCluster().withPropertyValues("spring.data.redis.lettuce.cluster.refresh.period=5m")
			.run((context) -> {
				assertThat(topologyRefresh(context).getAdaptiveRefreshTriggers()).isNotEmpty();
				assertThat(topologyRefresh(context).getRefreshPeriod()).isEqualTo(Duration.ofMinutes(5));
			});
	}

	@Test
	void whenRedisIsOneServerThenItsClientOptionsAreBootsOwn() {
		this.contextRunnerWithRedis.run((context) -> assertThat(
				context.getBean(LettuceConnectionFactory.class).getClientConfiguration().getClientOptions())
			.hasValueSatisfying((options) -> assertThat(options).isNotInstanceOf(ClusterClientOptions.class)));
	}

	private static ClusterTopologyRefreshOptions topologyRefresh(ApplicationContext context) {
		ClientOptions options = context.getBean(LettuceConnectionFactory.class)
			.getClientConfiguration()
			.getClientOptions()
			.orElseThrow();
		return ((ClusterClientOptions) options).getTopologyRefreshOptions();
	}

	@Test
	void whenKeyPrefixHasBracesThenStartupFailsNamingTheProperty() {
		this.contextRunnerWithRedis.withPropertyValues("wx.login.store.redis.key-prefix={app}:")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(WxLoginPropertyException.class)
				.hasMessageContaining("wx.login.store.redis.key-prefix"));
	}

	@Test
	void whenStoreTypeIsRedisThenStateIsKeptInRedis() {
		this.contextRunnerWithRedis.withPropertyValues("wx.login.store.type=redis")
			.run((context) -> assertThat(context).hasSingleBean(RedisWxSessionKeyStore.class)
				.hasSingleBean(RedisRefreshTokenStore.class)
				.hasSingleBean(RedisTokenRevocationStore.class)
				.hasSingleBean(RedisWxAccessTokenProvider.class));
	}

	@Test
	void whenStoreTypeIsMemoryThenRedisIsIgnored() {
		this.contextRunnerWithRedis.withPropertyValues("wx.login.store.type=memory").run((context) -> {
			assertThat(context).hasSingleBean(CaffeineWxSessionKeyStore.class)
				.hasSingleBean(CaffeineRefreshTokenStore.class)
				.hasSingleBean(CaffeineTokenRevocationStore.class)
				.hasSingleBean(CaffeineWxAccessTokenProvider.class);
			assertThat(context).getBeans(WxSessionKeyStore.class).hasSize(1);
		});
	}

	@Test
	void whenNoRedisConnectionFactoryThenStateIsKeptInMemory() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(CaffeineWxSessionKeyStore.class)
			.hasSingleBean(CaffeineRefreshTokenStore.class)
			.hasSingleBean(CaffeineTokenRevocationStore.class)
			.hasSingleBean(CaffeineWxAccessTokenProvider.class));
	}

	@Test
	void whenSpringDataRedisIsMissingThenStateIsKeptInMemory() {
		this.contextRunnerWithRedis.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.run((context) -> assertThat(context).hasSingleBean(CaffeineWxSessionKeyStore.class)
				.hasSingleBean(CaffeineWxAccessTokenProvider.class));
	}

	@Test
	void whenStoreTypeIsRedisWithoutRedisThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("wx.login.store.type=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(WxLoginPropertyException.class)
				.hasMessageContaining("wx.login.store.type"));
	}

	@Test
	void whenStoreTypeIsRedisWithoutSpringDataRedisThenStartupFails() {
		this.contextRunnerWithRedis.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.withPropertyValues("wx.login.store.type=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(WxLoginPropertyException.class)
				.hasMessageContaining("wx.login.store.type"));
	}

	@Test
	void whenHostDefinesRefreshTokenStoreThenOnlyThatStoreBacksOff() {
		this.contextRunnerWithRedis.withUserConfiguration(HostRefreshTokenStoreConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(RefreshTokenStore.class)
				.hasBean("hostRefreshTokenStore")
				.doesNotHaveBean(RedisRefreshTokenStore.class)
				.hasSingleBean(RedisWxSessionKeyStore.class)
				.hasSingleBean(RedisWxAccessTokenProvider.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class HostRefreshTokenStoreConfiguration {

		@Bean
		RefreshTokenStore hostRefreshTokenStore() {
			return new CaffeineRefreshTokenStore(Clock.systemUTC(), Duration.ofDays(1));
		}

	}

}
