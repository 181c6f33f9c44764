package io.github.wxlogin.session;

import io.github.wxlogin.redis.LocalRedisCluster;

/**
 * The refresh-token store on a 3-master Redis Cluster: a script whose keys were in several hash slots
 * would fail here with CROSSSLOT.
 */
class ClusterRedisRefreshTokenStoreTests extends RedisRefreshTokenStoreTests {

	ClusterRedisRefreshTokenStoreTests() {
		super(LocalRedisCluster::connect);
	}

}
