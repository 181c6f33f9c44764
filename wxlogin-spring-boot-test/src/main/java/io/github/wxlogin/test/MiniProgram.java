package io.github.wxlogin.test;

/**
 * One mini program hosted by the fake server, with its own access tokens and users, as
 * each AppID has on WeChat. Its AppSecret can change while calls are answered, as after a
 * reset in the admin console; its tokens and users stay.
 */
final class MiniProgram {

	private final String appid;

	private final StableAccessTokens tokens;

	private final MiniProgramUsers users;

	// read once per call, so a call checks its secret against one value or the other, never a mix
	private volatile AppCredentials credentials;

	MiniProgram(AppCredentials credentials, StableAccessTokens tokens, MiniProgramUsers users) {
		this.appid = credentials.appid();
		this.credentials = credentials;
		this.tokens = tokens;
		this.users = users;
	}

	String appid() {
		return this.appid;
	}

	/**
	 * Return the AppID and the AppSecret accepted now.
	 * @return the credentials
	 */
	AppCredentials credentials() {
		return this.credentials;
	}

	/**
	 * Accept another AppSecret from now on, and refuse the previous one.
	 * @param secret the new AppSecret
	 */
	void secret(String secret) {
		this.credentials = new AppCredentials(this.appid, secret);
	}

	/**
	 * Return the stable access tokens issued to this mini program.
	 * @return the tokens
	 */
	StableAccessTokens tokens() {
		return this.tokens;
	}

	/**
	 * Return the users of this mini program, by their openid in it.
	 * @return the users
	 */
	MiniProgramUsers users() {
		return this.users;
	}

	@Override
	public String toString() {
		return "MiniProgram[appid=" + this.appid + "]";
	}

}
