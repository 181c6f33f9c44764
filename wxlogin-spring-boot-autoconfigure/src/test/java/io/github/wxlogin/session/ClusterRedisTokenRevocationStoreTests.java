package io.github.wxlogin.session;

import io.github.wxlogin.redis.LocalRedisCluster;

/**
 * The revocation store on a 3-master Redis Cluster.
 */
class ClusterRedisTokenRevocationStoreTests extends RedisTokenRevocationStoreTests {

	ClusterRedisTokenRevocationStoreTests() {
		super(LocalRedisCluster::connect);
	}

}
