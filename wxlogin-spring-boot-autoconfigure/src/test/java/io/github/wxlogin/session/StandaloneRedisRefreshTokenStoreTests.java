package io.github.wxlogin.session;

import io.github.wxlogin.redis.LocalRedis;

/**
 * The refresh-token store on one Redis server.
 */
class StandaloneRedisRefreshTokenStoreTests extends RedisRefreshTokenStoreTests {

	StandaloneRedisRefreshTokenStoreTests() {
		super(LocalRedis::connect);
	}

}
