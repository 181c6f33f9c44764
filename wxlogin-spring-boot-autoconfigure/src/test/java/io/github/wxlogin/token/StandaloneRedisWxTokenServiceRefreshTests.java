package io.github.wxlogin.token;

import io.github.wxlogin.redis.LocalRedis;

/**
 * A refresh that fails after the spend, with refresh tokens in one Redis server.
 */
class StandaloneRedisWxTokenServiceRefreshTests extends RedisWxTokenServiceRefreshTests {

	StandaloneRedisWxTokenServiceRefreshTests() {
		super(LocalRedis::connect);
	}

}
