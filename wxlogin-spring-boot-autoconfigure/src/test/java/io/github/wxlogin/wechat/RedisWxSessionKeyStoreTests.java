package io.github.wxlogin.wechat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.wxlogin.redis.TestRedis;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session-key store on one kind of Redis; a subclass for each kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RedisWxSessionKeyStoreTests {

	private final Supplier<LettuceConnectionFactory> connect;

	private TestRedis server;

	private StringRedisTemplate redis;

	private String keyPrefix;

	RedisWxSessionKeyStoreTests(Supplier<LettuceConnectionFactory> connect) {
		this.connect = connect;
	}

	@BeforeAll
	void connect() {
		this.server = TestRedis.connect(this.connect, getClass());
		this.redis = this.server.template();
		this.keyPrefix = this.server.keyPrefix();
	}

	@AfterAll
	void disconnect() {
		this.server.close();
	}

	private RedisWxSessionKeyStore store(Duration timeToLive) {
		return new RedisWxSessionKeyStore(this.redis, this.keyPrefix, timeToLive);
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
	private long millisToLive(String key) {
		return this.redis.getExpire(key, TimeUnit.MILLISECONDS);
	}

	@Test
	void sessionKeyIsKeptUnderThePrefixForItsTimeToLive() {
		store(Duration.ofDays(30)).save("wx-app", "openid-5", "key-1==");
		String key = this.keyPrefix + "session-key:wx-app:openid-5";
		assertThat(this.redis.opsForValue().get(key)).isEqualTo("key-1==");
		assertThat(millisToLive(key)).isLessThanOrEqualTo(Duration.ofDays(30).toMillis())
			.isGreaterThan(Duration.ofDays(29).toMillis());
	}

	@Test
	void sessionKeyExpiresAfterTheTimeToLiveItWasGiven() {
		store(Duration.ofMinutes(7)).save("wx-app", "openid-6", "key-1==");
		assertThat(millisToLive(this.keyPrefix + "session-key:wx-app:openid-6")).isPositive()
			.isLessThanOrEqualTo(Duration.ofMinutes(7).toMillis());
	}

	@Test
	void sessionKeysOfDifferentUsersSpreadOverTheSlots() {
		Set<Integer> slots = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			String openid = "openid-" + UUID.randomUUID();
			store(Duration.ofMinutes(1)).save("wx-app", openid, "key-1==");
			String key = this.keyPrefix + "session-key:wx-app:" + openid;
			assertThat(this.redis.opsForValue().get(key)).isEqualTo("key-1==");
			slots.add(SlotHash.getSlot(key));
		}
		assertThat(slots).hasSizeGreaterThan(90);
	}

}
