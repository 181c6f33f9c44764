package io.github.wxlogin.wechat;

/**
 * WeChat's stable access token endpoint ({@code cgi-bin/stable_token}), where a
 * {@link WxAccessTokenProvider} gets the token it keeps. The token is WeChat's server credential of the
 * mini program; it stays inside this package, behind {@link WxApiClient}.
 */
@FunctionalInterface
public interface WxStableTokenClient {

	/**
	 * Fetch the stable access token. Throws a {@link WxApiException} when WeChat answers with an error or
	 * cannot be reached.
	 * @param app the mini program
	 * @param forceRefresh whether to invalidate the current token and get a new one; WeChat allows this
	 * 20 times a day
	 * @return the token
	 */
	WeChatAccessToken stableAccessToken(WxApp app, boolean forceRefresh);

}
