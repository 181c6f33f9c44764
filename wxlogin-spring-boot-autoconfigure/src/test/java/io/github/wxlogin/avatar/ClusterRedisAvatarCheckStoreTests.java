package io.github.wxlogin.avatar;

import io.github.wxlogin.redis.LocalRedisCluster;

/**
 * The store of avatars waiting for WeChat's verdict on Redis Cluster.
 */
class ClusterRedisAvatarCheckStoreTests extends RedisAvatarCheckStoreTests {

	ClusterRedisAvatarCheckStoreTests() {
		super(LocalRedisCluster::connect);
	}

}
