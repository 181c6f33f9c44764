package io.github.wxlogin.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.wxlogin.redis.LocalRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits in Redis, counted once for every instance, on one kind of Redis; a subclass for each kind.
 */
abstract class RedisWxRateLimiterTests {

	private static final String KEY_PREFIX = LocalRedis.uniqueKeyPrefix(RedisWxRateLimiterTests.class);

	private final Supplier<LettuceConnectionFactory> server;

	private final List<LettuceConnectionFactory> instances = new ArrayList<>();

	RedisWxRateLimiterTests(Supplier<LettuceConnectionFactory> server) {
		this.server = server;
	}

	@AfterEach
	void disconnect() {
		LocalRedis.deleteKeys(new StringRedisTemplate(this.instances.get(0)), KEY_PREFIX);
		this.instances.forEach(LettuceConnectionFactory::destroy);
	}

	private RedisWxRateLimiter limiterOfANewInstance(long capacity) {
		LettuceConnectionFactory connectionFactory = this.server.get();
		this.instances.add(connectionFactory);
		Supplier<ProxyManager<byte[]>> buckets = RedisWxRateLimiter.buckets(connectionFactory, Duration.ofSeconds(1))
			.orElseThrow();
		return new RedisWxRateLimiter(buckets, KEY_PREFIX + "rate-limit:login:", capacity, Duration.ofMinutes(1));
	}

	@Test
	void twoInstancesShareOneAllowancePerClient() {
		RedisWxRateLimiter first = limiterOfANewInstance(3);
		RedisWxRateLimiter second = limiterOfANewInstance(3);
		assertThat(first.tryAcquire("198.51.100.7")).isEmpty();
		assertThat(second.tryAcquire("198.51.100.7")).isEmpty();
		assertThat(first.tryAcquire("198.51.100.7")).isEmpty();
		Optional<Duration> refused = second.tryAcquire("198.51.100.7");
		assertThat(refused).isPresent();
		assertThat(refused.get()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
		assertThat(first.tryAcquire("198.51.100.8")).isEmpty();
	}

	@Test
	void bucketExpiresOnceItWouldBeFullAgain() {
		limiterOfANewInstance(3).tryAcquire("198.51.100.9");
		Long ttl = new StringRedisTemplate(this.instances.get(0)).getExpire(KEY_PREFIX + "rate-limit:login:198.51.100.9");
		// one request of three is back in 20 s
		assertThat(ttl).isPositive().isLessThanOrEqualTo(21);
	}

}
