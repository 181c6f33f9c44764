package io.github.wxlogin.cluster;

import io.github.wxlogin.redis.LocalRedisCluster;

/**
 * Two instances that share a 3-master Redis Cluster: every operation that touches several keys keeps
 * them in one hash slot, or Redis refuses it with CROSSSLOT.
 */
class RedisClusterTwoInstanceClusterTests extends TwoInstanceClusterTests {

	RedisClusterTwoInstanceClusterTests() {
		super(LocalRedisCluster::connect,
				"--spring.data.redis.cluster.nodes=" + LocalRedisCluster.nodesProperty());
	}

}
