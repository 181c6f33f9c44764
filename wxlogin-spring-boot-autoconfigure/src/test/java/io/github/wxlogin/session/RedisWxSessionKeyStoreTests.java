package io.github.wxlogin.session;

import java.time.Duration;

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

	@Test
	void sessionKeyIsKeptUnderThePrefixForItsTimeToLive() {
		store(Duration.ofDays(30)).save("wx-app", "openid-5", "key-1==");
		String key = KEY_PREFIX + "session-key:wx-app:openid-5";
		assertThat(redis.opsForValue().get(key)).isEqualTo("key-1==");
		assertThat(redis.getExpire(key)).isBetween(Duration.ofDays(30).toSeconds() - 5, Duration.ofDays(30).toSeconds());
	}

	@Test
	void sessionKeyIsGoneAfterItsTimeToLive() throws InterruptedException {
		RedisWxSessionKeyStore store = store(Duration.ofMillis(300));
		store.save("wx-app", "openid-6", "key-1==");
		Thread.sleep(600);
		assertThat(store.find("wx-app", "openid-6")).isEmpty();
	}

}
