package io.github.wxlogin.cluster;

import io.github.wxlogin.redis.LocalRedis;

/**
 * Two instances that share one Redis server.
 */
class StandaloneRedisTwoInstanceClusterTests extends TwoInstanceClusterTests {

	StandaloneRedisTwoInstanceClusterTests() {
		super(LocalRedis::connect, "--spring.data.redis.host=" + LocalRedis.HOST,
				"--spring.data.redis.port=" + LocalRedis.PORT);
	}

}
