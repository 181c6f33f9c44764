package io.github.wxlogin.outage;

import io.github.wxlogin.redis.LocalRedis;
import io.github.wxlogin.redis.LocalRedisCluster;
import org.junit.jupiter.api.AfterAll;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Refresh tokens in a 3-master Redis Cluster, whose rotation and its undoing each stay in the family's
 * hash slot: a refresh during a database outage leaves the token usable.
 */
@TestPropertySource(properties = "wx.login.store.type=redis")
class RedisClusterStoreRefreshDuringDatabaseOutageTests extends RefreshDuringDatabaseOutageTests {

	private static final OwnPostgresDatabase database = new OwnPostgresDatabase();

	private static final String KEY_PREFIX = LocalRedis
		.uniqueKeyPrefix(RedisClusterStoreRefreshDuringDatabaseOutageTests.class);

	RedisClusterStoreRefreshDuringDatabaseOutageTests() {
		super(database);
	}

	@DynamicPropertySource
	static void stores(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.data.redis.cluster.nodes", () -> LocalRedisCluster.nodesProperty());
		registry.add("wx.login.store.redis.key-prefix", () -> KEY_PREFIX);
	}

	@AfterAll
	void deleteKeys() {
		LettuceConnectionFactory redis = LocalRedisCluster.connect();
		LocalRedis.deleteKeys(new StringRedisTemplate(redis), KEY_PREFIX);
		redis.destroy();
	}

}
