package io.github.wxlogin.wechat;

/**
 * WeChat answered something that is not a usable reply: a body that is not JSON, an HTML error page, an
 * HTTP 5xx, or JSON without the fields the call needs.
 */
public class WxBadResponseException extends WxApiException {

	public WxBadResponseException(String api, String message) {
		super(api, NO_ERRCODE, message);
	}

	public WxBadResponseException(String api, String message, Throwable cause) {
		super(api, NO_ERRCODE, message, cause);
	}

}
