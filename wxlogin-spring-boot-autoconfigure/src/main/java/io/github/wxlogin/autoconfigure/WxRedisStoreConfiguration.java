package io.github.wxlogin.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.wxlogin.avatar.AvatarCheckStore;
import io.github.wxlogin.avatar.RedisAvatarCheckStore;
import io.github.wxlogin.observability.WxLoginWarmUp;
import io.github.wxlogin.session.RedisRefreshTokenStore;
import io.github.wxlogin.session.RedisSessionStoreRuntimeHints;
import io.github.wxlogin.session.RedisTokenRevocationStore;
import io.github.wxlogin.session.RefreshTokenStore;
import io.github.wxlogin.session.TokenRevocationStore;
import io.github.wxlogin.web.CaffeineWxRateLimiter;
import io.github.wxlogin.web.RedisWxRateLimiter;
import io.github.wxlogin.web.WxRateLimiter;
import io.github.wxlogin.wechat.RedisWxAccessTokenProvider;
import io.github.wxlogin.wechat.RedisWxAccessTokenRuntimeHints;
import io.github.wxlogin.wechat.RedisWxSessionKeyStore;
import io.github.wxlogin.wechat.WxAccessTokenProvider;
import io.github.wxlogin.wechat.WxSessionKeyStore;
import io.github.wxlogin.wechat.WxStableTokenClient;
import io.lettuce.core.RedisClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Session keys, refresh tokens, revocations and the WeChat access token in Redis, shared by every
 * instance, when {@code wx.login.store.type} is {@code redis}, or {@code auto} with a
 * {@link RedisConnectionFactory} bean. Imported before the in-memory stores, which then back off.
 * <p>
 * Every key starts with {@code wx.login.store.redis.key-prefix} ({@code wxlogin:} by default). Keys
 * that one operation touches together share a hash tag (in braces), so that in Redis Cluster they live
 * in one hash slot; the rest spread over the shards. {@code <...>} stands for a value:
 * <table>
 * <caption>Redis keys</caption>
 * <tr><th>key</th><th>value</th><th>expires</th></tr>
 * <tr><td>{@code access-token:{<appid>}}</td><td>string {@code <expiresAtEpochMillis>|<token>}</td>
 * <td>refresh-ahead before the token</td></tr>
 * <tr><td>{@code access-token-lock:{<appid>}}</td><td>random owner id</td><td>after one fetch's
 * timeout</td></tr>
 * <tr><td>{@code access-token-rejected:{<appid>}}</td><td>the token WeChat last rejected</td><td>after
 * 10 minutes, or at the next fetch</td></tr>
 * <tr><td>{@code session-key:<appid>:<openid>}</td><td>the session key, Base64</td><td>after
 * {@code jwt.refresh-token-ttl}</td></tr>
 * <tr><td>{@code refresh-token:{<familyId>}:<sha256>}</td><td>hash: {@code family}, {@code user},
 * {@code openid}, {@code appid}, {@code expires} (epoch ms), {@code spent} (0/1)</td><td>with the
 * token</td></tr>
 * <tr><td>{@code refresh-family:{<familyId>}:revoked}</td><td>the revocation's reason ({@code 1} from an
 * earlier version)</td><td>after
 * {@code jwt.refresh-token-ttl}</td></tr>
 * <tr><td>{@code refresh-family:{<familyId>}:session}</td><td>hash: {@code user}, {@code openid},
 * {@code appid}, {@code created}, {@code used}, {@code expires} and, when known, {@code ip}, {@code ua},
 * {@code model}, {@code platform}, {@code system}</td><td>with the family's last token; deleted when the
 * family is revoked</td></tr>
 * <tr><td>{@code refresh-sessions:<userId>}</td><td>sorted set of the account's family ids, scored by
 * their expiry (epoch ms)</td><td>with its last member</td></tr>
 * <tr><td>{@code rate-limit:<endpoint>:<client>}</td><td>Bucket4j's bucket state</td><td>once the bucket
 * would be full again</td></tr>
 * <tr><td>{@code revoked-jti:<jti or session id>}</td><td>the revocation's reason (the token's expiry,
 * epoch ms, from an earlier version)</td><td>with the token, plus {@code jwt.clock-skew}</td></tr>
 * <tr><td>{@code revocations}</td><td>stream of revocations, fields {@code jti} (a token's or a session's
 * id), {@code exp} and {@code reason}, followed by every instance</td><td>entries older than {@code jwt.access-token-ttl} plus {@code jwt.clock-skew} are
 * trimmed</td></tr>
 * </table>
 */
@Configuration(proxyBeanMethods = false)
class WxRedisStoreConfiguration {

	private static final Log logger = LogFactory.getLog(WxRedisStoreConfiguration.class);

	/** How long this instance uses the WeChat access token before it looks in Redis again. */
	private static final Duration ACCESS_TOKEN_NEAR_CACHE_TTL = Duration.ofSeconds(5);

	/** The Lua scripts of the Redis stores, resources beside them. */
	private static final String SCRIPTS = "classpath*:io/github/wxlogin/*/*.lua";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RedisConnectionFactory.class, StringRedisTemplate.class })
	@ConditionalOnBean(RedisConnectionFactory.class)
	@Conditional(RedisStoreCondition.class)
	@Import({ WxLettuceConfiguration.class, WxRedisClusterConfiguration.class })
	@ImportRuntimeHints({ RedisSessionStoreRuntimeHints.class, RedisWxAccessTokenRuntimeHints.class })
	static class RedisStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(WxSessionKeyStore.class)
		RedisWxSessionKeyStore redisWxSessionKeyStore(RedisConnectionFactory connectionFactory,
				WxLoginProperties properties) {
			// The session key is useful as long as the login it came with
			return new RedisWxSessionKeyStore(redis(connectionFactory), keyPrefix(properties),
					properties.jwt().refreshTokenTtl());
		}

		@Bean
		@ConditionalOnMissingBean(RefreshTokenStore.class)
		RedisRefreshTokenStore redisRefreshTokenStore(RedisConnectionFactory connectionFactory,
				WxLoginProperties properties, ObjectProvider<Clock> clock) {
			return new RedisRefreshTokenStore(redis(connectionFactory), keyPrefix(properties),
					clock.getIfAvailable(Clock::systemUTC), properties.jwt().refreshTokenTtl(),
					properties.sessions().idleTimeoutOrZero());
		}

		@Bean
		@ConditionalOnMissingBean(TokenRevocationStore.class)
		RedisTokenRevocationStore redisTokenRevocationStore(RedisConnectionFactory connectionFactory,
				WxLoginProperties properties, ObjectProvider<Clock> clock) {
			return new RedisTokenRevocationStore(redis(connectionFactory), keyPrefix(properties),
					clock.getIfAvailable(Clock::systemUTC), properties.jwt().clockSkew(),
					properties.jwt().accessTokenTtl());
		}

		/**
		 * Connects to Redis (to every node of a cluster) and loads the stores' scripts (on every master)
		 * before the first login needs them.
		 */
		@Bean
		WxLoginWarmUp.Step wxRedisStoreWarmUp(RedisConnectionFactory connectionFactory) {
			return new WxLoginWarmUp.Step("Redis store", () -> {
				try (RedisConnection connection = connectionFactory.getConnection()) {
					connection.ping();
					for (Resource script : new PathMatchingResourcePatternResolver().getResources(SCRIPTS)) {
						connection.scriptingCommands().scriptLoad(script.getContentAsByteArray());
					}
				}
				return null;
			});
		}

		@Bean
		@ConditionalOnMissingBean(AvatarCheckStore.class)
		RedisAvatarCheckStore redisAvatarCheckStore(RedisConnectionFactory connectionFactory,
				WxLoginProperties properties) {
			return new RedisAvatarCheckStore(redis(connectionFactory), keyPrefix(properties),
					WxAvatarConfiguration.CHECK_LIFETIME);
		}

		@Bean
		@ConditionalOnMissingBean(WxAccessTokenProvider.class)
		RedisWxAccessTokenProvider redisWxAccessTokenProvider(RedisConnectionFactory connectionFactory,
				WxStableTokenClient client, WxLoginProperties properties, ObjectProvider<Clock> clock) {
			// A fetch is a normal call and at most one forced refresh
			Duration fetchTimeout = properties.connectTimeout().plus(properties.readTimeout()).multipliedBy(2);
			return new RedisWxAccessTokenProvider(client, redis(connectionFactory), keyPrefix(properties),
					properties.accessToken().refreshAhead(), ACCESS_TOKEN_NEAR_CACHE_TTL, fetchTimeout,
					clock.getIfAvailable(Clock::systemUTC));
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass({ Bucket4jLettuce.class, RedisClient.class, LettuceConnectionFactory.class })
		static class RedisRateLimitConfiguration {

			@Bean
			@ConditionalOnMissingBean(WxRateLimiter.Factory.class)
			WxRateLimiter.Factory redisWxRateLimiterFactory(RedisConnectionFactory connectionFactory,
					WxLoginProperties properties) {
				// connected on first use: the application starts while Redis is down
				Optional<Supplier<ProxyManager<byte[]>>> buckets = RedisWxRateLimiter.buckets(connectionFactory,
						properties.store().timeout());
				if (buckets.isEmpty()) {
					logger.info("Rate limits are counted by each instance alone: sharing them in Redis needs "
							+ "Lettuce, Spring Data Redis' default client");
					return (name, capacity, period) -> new CaffeineWxRateLimiter(capacity, period);
				}
				String prefix = keyPrefix(properties) + "rate-limit:";
				return (name, capacity, period) -> new RedisWxRateLimiter(buckets.get(), prefix + name + ":", capacity,
						period);
			}

		}

		private static StringRedisTemplate redis(RedisConnectionFactory connectionFactory) {
			return new StringRedisTemplate(connectionFactory);
		}

		private static String keyPrefix(WxLoginProperties properties) {
			return properties.store().redis().keyPrefix();
		}

	}

	/**
	 * Fails start-up when Redis is asked for but there is none, rather than falling back to memory, which
	 * would break a cluster in ways that are hard to trace.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "wx.login.store.type", havingValue = "redis")
	@ConditionalOnMissingBean(type = "org.springframework.data.redis.connection.RedisConnectionFactory")
	static class RedisStoreMissingConfiguration {

		RedisStoreMissingConfiguration() {
			throw new WxLoginPropertyException("wx.login.store.type",
					"is 'redis' but there is no RedisConnectionFactory bean",
					"Add spring-boot-starter-data-redis and point spring.data.redis.* at your Redis server, or set "
							+ "'wx.login.store.type' to 'memory' (one instance only) or 'auto'.");
		}

	}

	/**
	 * Matches when the store is explicitly Redis, or left to {@code auto}.
	 */
	static class RedisStoreCondition extends AnyNestedCondition {

		RedisStoreCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = "wx.login.store.type", havingValue = "redis")
		static class Explicit {

		}

		@ConditionalOnProperty(name = "wx.login.store.type", havingValue = "auto", matchIfMissing = true)
		static class Auto {

		}

	}

}
