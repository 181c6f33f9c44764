package io.github.wxlogin.wechat;

/**
 * WeChat rejected a one-time code: unknown, expired, of another app, or already used (40029, 40163).
 */
public class WxInvalidCodeException extends WxApiException {

	public WxInvalidCodeException(String api, int errcode, String message) {
		super(api, errcode, message);
	}

}
