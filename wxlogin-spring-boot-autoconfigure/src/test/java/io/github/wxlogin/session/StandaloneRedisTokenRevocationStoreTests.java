package io.github.wxlogin.session;

import io.github.wxlogin.redis.LocalRedis;

/**
 * The revocation store on one Redis server.
 */
class StandaloneRedisTokenRevocationStoreTests extends RedisTokenRevocationStoreTests {

	StandaloneRedisTokenRevocationStoreTests() {
		super(LocalRedis::connect);
	}

}
