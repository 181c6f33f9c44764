package io.github.wxlogin.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * {@link WxRateLimiter} shared by every instance: each client's bucket lives in Redis under
 * {@code <prefix>rate-limit:<name>:<client>}, updated with compare-and-swap by Bucket4j (one key per
 * operation, so buckets spread over the shards of a Redis Cluster), and expires once it would be full
 * again. Bucket4j talks to Lettuce directly, so its failures (Redis down or slow) are turned into
 * Spring's {@link DataAccessResourceFailureException}, the store outage that every other store reports.
 */
public class RedisWxRateLimiter implements WxRateLimiter {

	private final Supplier<ProxyManager<byte[]>> buckets;

	private final String keyPrefix;

	private final BucketConfiguration configuration;

	/**
	 * Create a limiter.
	 * @param buckets Bucket4j's buckets in Redis, connected on first use (see {@link ConnectOnFirstUse})
	 * @param keyPrefix the prefix of this limiter's keys, such as {@code wxlogin:rate-limit:login:}
	 * @param capacity requests allowed per period
	 * @param period the period
	 */
	public RedisWxRateLimiter(Supplier<ProxyManager<byte[]>> buckets, String keyPrefix, long capacity,
			Duration period) {
		this.buckets = buckets;
		this.keyPrefix = keyPrefix;
		this.configuration = BucketConfiguration.builder().addLimit(WxRateLimiter.bandwidth(capacity, period)).build();
	}

	/**
	 * Bucket4j's buckets in the Redis that a connection factory reaches through Lettuce, a server or a
	 * cluster. They connect on first use, so that the application starts while Redis is down.
	 * @param connectionFactory the connection factory
	 * @param timeout how long one bucket operation may wait for Redis
	 * @return the buckets, or empty when the factory does not use Lettuce
	 */
	public static Optional<Supplier<ProxyManager<byte[]>>> buckets(RedisConnectionFactory connectionFactory,
			Duration timeout) {
		if (!(connectionFactory instanceof LettuceConnectionFactory lettuce)) {
			return Optional.empty();
		}
		AbstractRedisClient client = lettuce.getRequiredNativeClient();
		Supplier<Bucket4jLettuce.LettuceBasedProxyManagerBuilder<byte[]>> builder;
		if (client instanceof RedisClient server) {
			builder = () -> Bucket4jLettuce.casBasedBuilder(server);
		}
		else if (client instanceof RedisClusterClient cluster) {
			builder = () -> Bucket4jLettuce.casBasedBuilder(cluster);
		}
		else {
			return Optional.empty();
		}
		return Optional.of(new ConnectOnFirstUse<>(() -> builder.get()
			.requestTimeout(timeout)
			// a bucket that is full again is the same as none: keep it only a moment longer
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(1)))
			.build()));
	}

	@Override
	public Optional<Duration> tryAcquire(String client) {
		byte[] key = (this.keyPrefix + client).getBytes(StandardCharsets.UTF_8);
		try {
			return WxRateLimiter
				.waitFor(this.buckets.get().getProxy(key, () -> this.configuration).tryConsumeAndReturnRemaining(1));
		}
		catch (DataAccessException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new DataAccessResourceFailureException("The rate limits in Redis did not answer", ex);
		}
	}

}
