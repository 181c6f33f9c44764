package io.github.wxlogin.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * {@link WxRateLimiter} shared by every instance: each client's bucket lives in Redis under
 * {@code {prefix}rate-limit:{name}:{client}}, updated with compare-and-swap by Bucket4j, and expires once
 * it would be full again.
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

	@Override
	public Optional<Duration> tryAcquire(String client) {
		byte[] key = (this.keyPrefix + client).getBytes(StandardCharsets.UTF_8);
		return WxRateLimiter.waitFor(this.buckets.getProxy(key, () -> this.configuration).tryConsumeAndReturnRemaining(1));
	}

}
