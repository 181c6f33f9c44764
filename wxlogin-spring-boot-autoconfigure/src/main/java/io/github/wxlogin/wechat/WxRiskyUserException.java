package io.github.wxlogin.wechat;

/**
 * WeChat blocked the login of a high-risk user (40226).
 */
public class WxRiskyUserException extends WxApiException {

	public WxRiskyUserException(String api, int errcode, String message) {
		super(api, errcode, message);
	}

}
