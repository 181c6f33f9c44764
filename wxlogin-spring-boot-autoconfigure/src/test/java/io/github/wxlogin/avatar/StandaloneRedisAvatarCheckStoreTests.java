package io.github.wxlogin.avatar;

import io.github.wxlogin.redis.LocalRedis;

/**
 * The store of avatars waiting for WeChat's verdict on one Redis server.
 */
class StandaloneRedisAvatarCheckStoreTests extends RedisAvatarCheckStoreTests {

	StandaloneRedisAvatarCheckStoreTests() {
		super(LocalRedis::connect);
	}

}
