package io.github.wxlogin.redis;

import java.util.function.Supplier;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A test class's connection to one of the test Redis servers ({@link LocalRedis} or
 * {@link LocalRedisCluster}, {@link OwnRedisCluster}) and a key prefix of its own, whose keys go when it closes.
 */
public final class TestRedis implements AutoCloseable {

	private final LettuceConnectionFactory connectionFactory;

	private final StringRedisTemplate template;

	private final String keyPrefix;

	private TestRedis(LettuceConnectionFactory connectionFactory, String keyPrefix) {
		this.connectionFactory = connectionFactory;
		this.template = new StringRedisTemplate(connectionFactory);
		this.keyPrefix = keyPrefix;
	}

	/**
	 * Connect, failing when the server is not running.
	 * @param server connects to the server
	 * @param testClass the test class, named in the key prefix
	 * @return the connection
	 */
	public static TestRedis connect(Supplier<LettuceConnectionFactory> server, Class<?> testClass) {
		return new TestRedis(server.get(), LocalRedis.uniqueKeyPrefix(testClass));
	}

	public StringRedisTemplate template() {
		return this.template;
	}

	public String keyPrefix() {
		return this.keyPrefix;
	}

	@Override
	public void close() {
		LocalRedis.deleteKeys(this.template, this.keyPrefix);
		this.connectionFactory.destroy();
	}

}
