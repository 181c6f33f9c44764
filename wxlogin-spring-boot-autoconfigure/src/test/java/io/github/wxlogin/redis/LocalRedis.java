package io.github.wxlogin.redis;

import java.util.Set;
import java.util.UUID;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis server the tests run against, on 127.0.0.1:6379. Tests that need it fail, never skip, when
 * it is not running: a green build must mean the Redis stores were tested.
 */
public final class LocalRedis {

	public static final String HOST = "127.0.0.1";

	public static final int PORT = 6379;

	private LocalRedis() {
	}

	/**
	 * Connect to the server, failing at once when it does not answer.
	 * @return a started connection factory; the caller destroys it
	 */
	public static LettuceConnectionFactory connect() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(HOST, PORT));
		factory.afterPropertiesSet();
		factory.start();
		try {
			new StringRedisTemplate(factory).execute((connection) -> connection.ping(), true);
		}
		catch (RuntimeException ex) {
			factory.destroy();
			throw new AssertionError("Redis is not reachable on " + HOST + ":" + PORT
					+ "; start it with: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\" "
					+ "--appendonly no", ex);
		}
		return factory;
	}

	/**
	 * Return a key prefix that no other test run uses.
	 * @param testClass the test class, named in the prefix to tell its keys apart
	 * @return the prefix, ending with a colon
	 */
	public static String uniqueKeyPrefix(Class<?> testClass) {
		return "wxlogin-test:" + testClass.getSimpleName() + ":" + UUID.randomUUID() + ":";
	}

	/**
	 * Delete every key under a prefix.
	 * @param redis the Redis client
	 * @param keyPrefix the prefix
	 */
	public static void deleteKeys(StringRedisTemplate redis, String keyPrefix) {
		Set<String> keys = redis.keys(keyPrefix + "*");
		if (keys != null && !keys.isEmpty()) {
			redis.delete(keys);
		}
	}

}
