package io.github.wxlogin.token;

import io.github.wxlogin.redis.LocalRedisCluster;

/**
 * A refresh that fails after the spend, with refresh tokens in a 3-master Redis Cluster.
 */
class ClusterRedisWxTokenServiceRefreshTests extends RedisWxTokenServiceRefreshTests {

	ClusterRedisWxTokenServiceRefreshTests() {
		super(LocalRedisCluster::connect);
	}

}
