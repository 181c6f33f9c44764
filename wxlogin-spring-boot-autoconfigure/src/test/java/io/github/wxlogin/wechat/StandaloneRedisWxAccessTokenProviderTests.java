package io.github.wxlogin.wechat;

import io.github.wxlogin.redis.LocalRedis;

/**
 * The shared WeChat access token on one Redis server.
 */
class StandaloneRedisWxAccessTokenProviderTests extends RedisWxAccessTokenProviderTests {

	StandaloneRedisWxAccessTokenProviderTests() {
		super(LocalRedis::connect);
	}

}
