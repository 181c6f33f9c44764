package io.github.wxlogin.wechat;

import io.github.wxlogin.redis.LocalRedisCluster;

/**
 * The session-key store on a 3-master Redis Cluster.
 */
class ClusterRedisWxSessionKeyStoreTests extends RedisWxSessionKeyStoreTests {

	ClusterRedisWxSessionKeyStoreTests() {
		super(LocalRedisCluster::connect);
	}

}
