package io.github.wxlogin.web;

import java.time.Duration;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A client's allowance of one limited endpoint: a token bucket (Bucket4j) per client that holds
 * {@code capacity} requests and refills them over each period.
 */
public interface WxRateLimiter {

	/**
	 * Take one request from a client's allowance.
	 * @param client the client, such as its IP address or user id
	 * @return empty when the request may proceed, otherwise how long the client must wait
	 */
	Optional<Duration> tryAcquire(String client);

	/**
	 * The bucket of every client: {@code capacity} requests, refilled evenly over {@code period}.
	 * @param capacity requests allowed per period
	 * @param period the period
	 * @return the bucket's bandwidth
	 */
	static Bandwidth bandwidth(long capacity, Duration period) {
		return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
	}

	/**
	 * Read what a bucket answered.
	 * @param probe the bucket's answer to taking one request
	 * @return empty when the request may proceed, otherwise how long the client must wait
	 */
	static Optional<Duration> waitFor(ConsumptionProbe probe) {
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/**
	 * Makes the limiter of each limited endpoint: in this instance's memory by default, in Redis when the
	 * Redis store is active, so that every instance counts against one allowance.
	 */
	@FunctionalInterface
	interface Factory {

		/**
		 * Make the limiter of one endpoint.
		 * @param name the endpoint's name, such as {@code login}, which keeps its buckets apart
		 * @param capacity requests allowed per period
		 * @param period the period
		 * @return the limiter
		 */
		WxRateLimiter create(String name, long capacity, Duration period);

	}

}
