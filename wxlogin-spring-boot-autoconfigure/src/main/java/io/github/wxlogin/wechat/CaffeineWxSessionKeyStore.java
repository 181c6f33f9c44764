package io.github.wxlogin.wechat;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * {@link WxSessionKeyStore} in this instance's memory, bounded in size and time.
 */
public class CaffeineWxSessionKeyStore implements WxSessionKeyStore {

	private final Cache<String, String> sessionKeys;

	/**
	 * Create a store.
	 * @param timeToLive how long a session key is kept after the login that returned it
	 * @param maximumSize how many session keys are kept at most; the least recently used go first
	 */
	public CaffeineWxSessionKeyStore(Duration timeToLive, long maximumSize) {
		this.sessionKeys = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(maximumSize).build();
	}

	@Override
	public void save(String appid, String openid, String sessionKey) {
		this.sessionKeys.put(key(appid, openid), sessionKey);
	}

	@Override
	public Optional<String> find(String appid, String openid) {
		return Optional.ofNullable(this.sessionKeys.getIfPresent(key(appid, openid)));
	}

	private static String key(String appid, String openid) {
		return appid + '\n' + openid;
	}

}
