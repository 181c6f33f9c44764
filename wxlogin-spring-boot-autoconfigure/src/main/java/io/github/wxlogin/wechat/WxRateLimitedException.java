package io.github.wxlogin.wechat;

/**
 * WeChat's per-user quota is spent (45011); the client should try again in a minute.
 */
public class WxRateLimitedException extends WxApiException {

	public WxRateLimitedException(String api, int errcode, String message) {
		super(api, errcode, message);
	}

}
