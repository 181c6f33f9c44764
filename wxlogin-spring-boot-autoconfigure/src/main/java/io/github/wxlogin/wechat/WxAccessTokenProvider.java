package io.github.wxlogin.wechat;

/**
 * WeChat's access token of each mini program, fetched once (through a {@link WxStableTokenClient}) and
 * shared by every call of the {@link WxApiClient} that needs it.
 */
public interface WxAccessTokenProvider {

	/**
	 * Return the current access token, fetching it when there is none or it is about to expire. However
	 * many callers wait, only one fetch per appid runs at a time.
	 * @param app the mini program
	 * @return the token
	 */
	String accessToken(WxApp app);

	/**
	 * Forget a token WeChat rejected, but only when it is still the cached one (a concurrent caller may
	 * already have replaced it).
	 * @param app the mini program
	 * @param rejectedToken the token WeChat rejected
	 */
	void invalidate(WxApp app, String rejectedToken);

	/**
	 * Forget an app's token, whatever it is, after the app changed in the registry (a new AppSecret): the
	 * next call fetches one again.
	 * @param appid the AppID
	 */
	default void forget(String appid) {
	}

}
