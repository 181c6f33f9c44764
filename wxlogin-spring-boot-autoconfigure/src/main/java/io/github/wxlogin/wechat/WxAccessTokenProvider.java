package io.github.wxlogin.wechat;

import java.util.function.Function;

/**
 * The mini program's access token, fetched once and shared by every call that needs it.
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
	 * Run a call that needs the access token. When WeChat rejects the token
	 * ({@link WxTokenRejectedException}) the token is invalidated and the call is retried once with a
	 * new one.
	 * @param app the mini program
	 * @param call the call, given the token
	 * @param <T> the call's result
	 * @return the call's result
	 */
	default <T> T withAccessToken(WxApp app, Function<String, T> call) {
		String token = accessToken(app);
		try {
			return call.apply(token);
		}
		catch (WxTokenRejectedException ex) {
			invalidate(app, token);
			return call.apply(accessToken(app));
		}
	}

}
