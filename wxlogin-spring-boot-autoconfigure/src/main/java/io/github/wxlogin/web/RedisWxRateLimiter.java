package io.github.wxlogin.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * {@link WxRateLimiter} shared by every instance: each client's bucket lives in Redis under
 * {@code {prefix}rate-limit:{name}:{client}}, updated with compare-and-swap by Bucket4j, and expires once
 * it would be full again. Bucket4j talks to Lettuce directly, so its failures (Redis down or slow) are
 * turned into Spring's {@link DataAccessResourceFailureException}, the store outage that every other
 * store reports.
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
	public RedisWxRateLimiter(Supplier<ProxyManager<byte[]>> buckets, String keyPrefix, long capacity, Duration period) {
		this.buckets = buckets;
		this.keyPrefix = keyPrefix;
		this.configuration = BucketConfiguration.builder().addLimit(WxRateLimiter.bandwidth(capacity, period)).build();
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
