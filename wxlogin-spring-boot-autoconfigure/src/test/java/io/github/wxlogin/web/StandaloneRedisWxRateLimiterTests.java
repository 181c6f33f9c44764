package io.github.wxlogin.web;

import io.github.wxlogin.redis.LocalRedis;

/**
 * Rate limits on one Redis server.
 */
class StandaloneRedisWxRateLimiterTests extends RedisWxRateLimiterTests {

	StandaloneRedisWxRateLimiterTests() {
		super(LocalRedis::connect);
	}

}
