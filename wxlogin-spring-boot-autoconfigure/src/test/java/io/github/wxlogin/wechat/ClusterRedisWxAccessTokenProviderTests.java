package io.github.wxlogin.wechat;

import io.github.wxlogin.redis.LocalRedisCluster;

/**
 * The shared WeChat access token on a 3-master Redis Cluster.
 */
class ClusterRedisWxAccessTokenProviderTests extends RedisWxAccessTokenProviderTests {

	ClusterRedisWxAccessTokenProviderTests() {
		super(LocalRedisCluster::connect);
	}

}
