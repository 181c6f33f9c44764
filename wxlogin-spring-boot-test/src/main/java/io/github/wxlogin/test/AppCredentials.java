package io.github.wxlogin.test;

import org.jspecify.annotations.Nullable;

/**
 * The mini program's AppID and AppSecret that the fake server accepts.
 *
 * @param appid the AppID
 * @param secret the AppSecret
 */
record AppCredentials(String appid, String secret) {

	/**
	 * Check the credentials of a call.
	 * @param appid the AppID sent
	 * @param secret the AppSecret sent
	 * @throws WeChatApiError 41002/41004 when one is missing, 40013/40125 when one is wrong
	 */
	void verify(@Nullable String appid, @Nullable String secret) {
		if (appid == null) {
			throw new WeChatApiError(41002);
		}
		if (secret == null) {
			throw new WeChatApiError(41004);
		}
		if (!this.appid.equals(appid)) {
			throw new WeChatApiError(40013);
		}
		if (!WeChatCrypto.constantTimeEquals(this.secret, secret)) {
			throw new WeChatApiError(40125);
		}
	}

	@Override
	public String toString() {
		return "AppCredentials[appid=" + this.appid + ", secret=<hidden>]";
	}

}
