package io.github.wxlogin.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * {@link WxRateLimiter} shared by every instance: each client's bucket lives in Redis under
 * {@code <prefix>rate-limit:<name>:<client>}, updated with compare-and-swap by Bucket4j (one key per
 * operation, so buckets spread over the shards of a Redis Cluster), and expires once it would be full
 * again.
 */
public class RedisWxRateLimiter implements WxRateLimiter {

	private final ProxyManager<byte[]> buckets;

	private final String keyPrefix;

	private final BucketConfiguration configuration;

	/**
	 * Create a limiter.
	 * @param buckets Bucket4j's buckets in Redis
	 * @param keyPrefix the prefix of this limiter's keys, such as {@code wxlogin:rate-limit:login:}
	 * @param capacity requests allowed per period
	 * @param period the period
	 */
	public RedisWxRateLimiter(ProxyManager<byte[]> buckets, String keyPrefix, long capacity, Duration period) {
		this.buckets = buckets;
		this.keyPrefix = keyPrefix;
		this.configuration = BucketConfiguration.builder().addLimit(WxRateLimiter.bandwidth(capacity, period)).build();
	}

	/**
	 * Bucket4j's buckets in the Redis that a connection factory reaches through Lettuce, a server or a
	 * cluster.
	 * @param connectionFactory the connection factory
	 * @return the buckets, or empty when the factory does not use Lettuce
	 */
	public static Optional<ProxyManager<byte[]>> buckets(RedisConnectionFactory connectionFactory) {
		if (!(connectionFactory instanceof LettuceConnectionFactory lettuce)) {
			return Optional.empty();
		}
		AbstractRedisClient client = lettuce.getRequiredNativeClient();
		Bucket4jLettuce.LettuceBasedProxyManagerBuilder<byte[]> builder;
		if (client instanceof RedisClient server) {
			builder = Bucket4jLettuce.casBasedBuilder(server);
		}
		else if (client instanceof RedisClusterClient cluster) {
			builder = Bucket4jLettuce.casBasedBuilder(cluster);
		}
		else {
			return Optional.empty();
		}
		// a bucket that is full again is the same as none: keep it only a moment longer
		return Optional.of(builder
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(1)))
			.build());
	}

	@Override
	public Optional<Duration> tryAcquire(String client) {
		byte[] key = (this.keyPrefix + client).getBytes(StandardCharsets.UTF_8);
		return WxRateLimiter.waitFor(this.buckets.getProxy(key, () -> this.configuration).tryConsumeAndReturnRemaining(1));
	}

}
