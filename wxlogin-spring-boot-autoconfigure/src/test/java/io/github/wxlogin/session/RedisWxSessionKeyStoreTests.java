package io.github.wxlogin.session;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.wxlogin.redis.LocalRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class RedisWxSessionKeyStoreTests {

	private static final String KEY_PREFIX = LocalRedis.uniqueKeyPrefix(RedisWxSessionKeyStoreTests.class);

	private static LettuceConnectionFactory connectionFactory;

	private static StringRedisTemplate redis;

	@BeforeAll
	static void connect() {
		connectionFactory = LocalRedis.connect();
		redis = new StringRedisTemplate(connectionFactory);
	}

	@AfterAll
	static void disconnect() {
		LocalRedis.deleteKeys(redis, KEY_PREFIX);
		connectionFactory.destroy();
	}

	private RedisWxSessionKeyStore store(Duration timeToLive) {
		return new RedisWxSessionKeyStore(redis, KEY_PREFIX, timeToLive);
	}

	@Test
	void savedSessionKeyIsFoundByAnotherInstance() {
		store(Duration.ofDays(30)).save("wx-app", "openid-1", "key-1==");
		assertThat(store(Duration.ofDays(30)).find("wx-app", "openid-1")).contains("key-1==");
	}

	@Test
	void newLoginReplacesTheSessionKey() {
		RedisWxSessionKeyStore store = store(Duration.ofDays(30));
		store.save("wx-app", "openid-2", "key-1==");
		store.save("wx-app", "openid-2", "key-2==");
		assertThat(store.find("wx-app", "openid-2")).contains("key-2==");
	}

	@Test
	void sessionKeyOfAnotherUserOrAppIsNotFound() {
		RedisWxSessionKeyStore store = store(Duration.ofDays(30));
		store.save("wx-app", "openid-3", "key-1==");
		assertThat(store.find("wx-app", "openid-4")).isEmpty();
		assertThat(store.find("wx-other", "openid-3")).isEmpty();
	}

	/** Redis counts a key's TTL down in real time from the one the store set: read it in milliseconds. */
	private static long millisToLive(String key) {
		return redis.getExpire(key, TimeUnit.MILLISECONDS);
	}

	@Test
	void sessionKeyIsKeptUnderThePrefixForItsTimeToLive() {
		store(Duration.ofDays(30)).save("wx-app", "openid-5", "key-1==");
		String key = KEY_PREFIX + "session-key:wx-app:openid-5";
		assertThat(redis.opsForValue().get(key)).isEqualTo("key-1==");
		assertThat(millisToLive(key)).isLessThanOrEqualTo(Duration.ofDays(30).toMillis())
			.isGreaterThan(Duration.ofDays(29).toMillis());
	}

	@Test
	void sessionKeyExpiresAfterTheTimeToLiveItWasGiven() {
		store(Duration.ofMinutes(7)).save("wx-app", "openid-6", "key-1==");
		assertThat(millisToLive(KEY_PREFIX + "session-key:wx-app:openid-6")).isPositive()
			.isLessThanOrEqualTo(Duration.ofMinutes(7).toMillis());
	}

}
