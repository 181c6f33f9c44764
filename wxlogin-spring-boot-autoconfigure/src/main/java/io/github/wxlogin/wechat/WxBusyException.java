package io.github.wxlogin.wechat;

/**
 * WeChat stayed busy (-1) through every retry.
 */
public class WxBusyException extends WxApiException {

	public WxBusyException(String api, int errcode, String message) {
		super(api, errcode, message);
	}

}
