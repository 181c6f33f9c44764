package io.github.wxlogin.wechat;

import io.github.wxlogin.redis.LocalRedis;

/**
 * The session-key store on one Redis server.
 */
class StandaloneRedisWxSessionKeyStoreTests extends RedisWxSessionKeyStoreTests {

	StandaloneRedisWxSessionKeyStoreTests() {
		super(LocalRedis::connect);
	}

}
