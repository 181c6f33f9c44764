package io.github.wxlogin.test;

/**
 * One mini program hosted by the fake server, with its own access tokens and users, as
 * each AppID has on WeChat.
 *
 * @param credentials the AppID and AppSecret
 * @param tokens the stable access tokens issued to this mini program
 * @param users the users of this mini program, by their openid in it
 */
record MiniProgram(AppCredentials credentials, StableAccessTokens tokens, MiniProgramUsers users) {

	String appid() {
		return this.credentials.appid();
	}

}
