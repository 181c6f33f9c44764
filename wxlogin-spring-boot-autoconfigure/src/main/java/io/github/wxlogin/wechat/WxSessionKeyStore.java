package io.github.wxlogin.wechat;

import java.util.Optional;

/**
 * Keeps each user's current WeChat session key on the server, where it stays: it decrypts and verifies
 * what older clients send, and is never returned to a client, put in a token or logged.
 */
public interface WxSessionKeyStore {

	/**
	 * Remember the session key a login just returned, replacing the one before.
	 * @param appid the mini program
	 * @param openid the user
	 * @param sessionKey the session key, Base64 as WeChat gives it
	 */
	void save(String appid, String openid, String sessionKey);

	/**
	 * Return the user's current session key.
	 * @param appid the mini program
	 * @param openid the user
	 * @return the session key, or empty when none is stored (never logged in, or expired)
	 */
	Optional<String> find(String appid, String openid);

}
