package io.github.wxlogin.web;

import io.github.wxlogin.redis.LocalRedisCluster;

/**
 * Rate limits on a 3-master Redis Cluster.
 */
class ClusterRedisWxRateLimiterTests extends RedisWxRateLimiterTests {

	ClusterRedisWxRateLimiterTests() {
		super(LocalRedisCluster::connect);
	}

}
