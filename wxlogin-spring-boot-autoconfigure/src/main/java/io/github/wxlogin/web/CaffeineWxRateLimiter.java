package io.github.wxlogin.web;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;

/**
 * {@link WxRateLimiter} of this instance alone: token buckets (Bucket4j) per client in a bounded Caffeine
 * cache that forgets a client once its bucket would be full again.
 */
public class CaffeineWxRateLimiter implements WxRateLimiter {

	/** Bounds memory use under a flood of distinct clients. */
	private static final long MAX_CLIENTS = 100_000;

	private final Cache<String, Bucket> buckets;

	private final long capacity;

	private final Duration period;

	/**
	 * Create a limiter that lets each client make {@code capacity} requests per {@code period}.
	 * @param capacity requests allowed per period
	 * @param period the period
	 */
	public CaffeineWxRateLimiter(long capacity, Duration period) {
		this.capacity = capacity;
		this.period = period;
		this.buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(period).build();
	}

	@Override
	public Optional<Duration> tryAcquire(String client) {
		Bucket bucket = this.buckets.get(client,
				(key) -> Bucket.builder().addLimit(WxRateLimiter.bandwidth(this.capacity, this.period)).build());
		return WxRateLimiter.waitFor(bucket.tryConsumeAndReturnRemaining(1));
	}

}
