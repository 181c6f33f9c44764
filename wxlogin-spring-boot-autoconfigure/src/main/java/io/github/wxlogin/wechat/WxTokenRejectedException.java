package io.github.wxlogin.wechat;

/**
 * WeChat rejected the access token (40001, 40014, 42001, 41001); a new token is fetched and the call retried once.
 */
public class WxTokenRejectedException extends WxApiException {

	public WxTokenRejectedException(String api, int errcode, String message) {
		super(api, errcode, message);
	}

}
