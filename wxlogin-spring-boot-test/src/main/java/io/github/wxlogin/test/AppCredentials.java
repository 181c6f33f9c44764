package io.github.wxlogin.test;

/**
 * A mini program's AppID and AppSecret that the fake server accepts.
 *
 * @param appid the AppID
 * @param secret the AppSecret
 */
record AppCredentials(String appid, String secret) {

	boolean secretMatches(String secret) {
		return WeChatCrypto.constantTimeEquals(this.secret, secret);
	}

	@Override
	public String toString() {
		return "AppCredentials[appid=" + this.appid + ", secret=<hidden>]";
	}

}
