package io.github.wxlogin.web;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets (Bucket4j) per client, one set per limited endpoint, kept in a bounded Caffeine cache
 * that forgets a client once its bucket would be full again.
 */
public class WxRateLimiter {

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
	public WxRateLimiter(long capacity, Duration period) {
		this.capacity = capacity;
		this.period = period;
		this.buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(period).build();
	}

	/**
	 * Take one request from a client's allowance.
	 * @param client the client, such as its IP address or user id
	 * @return empty when the request may proceed, otherwise how long the client must wait
	 */
	public Optional<Duration> tryAcquire(String client) {
		Bucket bucket = this.buckets.get(client, (key) -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(this.capacity).refillGreedy(this.capacity, this.period).build())
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

}
