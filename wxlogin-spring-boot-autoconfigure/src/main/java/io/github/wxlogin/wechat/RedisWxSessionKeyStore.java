package io.github.wxlogin.wechat;

import java.time.Duration;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@link WxSessionKeyStore} in Redis, shared by every instance. Each session key is the string value of
 * {@code <prefix>session-key:<appid>:<openid>} and expires {@code timeToLive} after the login that
 * returned it.
 */
public class RedisWxSessionKeyStore implements WxSessionKeyStore {

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Duration timeToLive;

	/**
	 * Create a store.
	 * @param redis the Redis client
	 * @param keyPrefix the prefix of every key, such as {@code wxlogin:}
	 * @param timeToLive how long a session key is kept after the login that returned it
	 */
	public RedisWxSessionKeyStore(StringRedisTemplate redis, String keyPrefix, Duration timeToLive) {
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.timeToLive = timeToLive;
	}

	@Override
	public void save(String appid, String openid, String sessionKey) {
		this.redis.opsForValue().set(key(appid, openid), sessionKey, this.timeToLive);
	}

	@Override
	public Optional<String> find(String appid, String openid) {
		return Optional.ofNullable(this.redis.opsForValue().get(key(appid, openid)));
	}

	private String key(String appid, String openid) {
		return this.keyPrefix + "session-key:" + appid + ":" + openid;
	}

}
