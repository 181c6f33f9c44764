package io.github.wxlogin.outage;

import io.github.wxlogin.redis.LocalRedis;
import org.junit.jupiter.api.AfterAll;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Refresh tokens in one Redis server, which spends a token in the one round trip of its rotation: a
 * refresh during a database outage leaves the token usable.
 */
@TestPropertySource(properties = { "wx.login.store.type=redis", "spring.data.redis.host=" + LocalRedis.HOST,
		"spring.data.redis.port=" + LocalRedis.PORT })
class RedisStoreRefreshDuringDatabaseOutageTests extends RefreshDuringDatabaseOutageTests {

	private static final OwnPostgresDatabase database = new OwnPostgresDatabase();

	private static final String KEY_PREFIX = LocalRedis.uniqueKeyPrefix(RedisStoreRefreshDuringDatabaseOutageTests.class);

	RedisStoreRefreshDuringDatabaseOutageTests() {
		super(database);
	}

	@DynamicPropertySource
	static void stores(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::url);
		registry.add("wx.login.store.redis.key-prefix", () -> KEY_PREFIX);
	}

	@AfterAll
	void deleteKeys() {
		LettuceConnectionFactory redis = LocalRedis.connect();
		LocalRedis.deleteKeys(new StringRedisTemplate(redis), KEY_PREFIX);
		redis.destroy();
	}

}
