package io.github.wxlogin.wechat;

/**
 * WeChat could not be reached in time: the connection was refused or the reply did not come before the
 * read timeout.
 */
public class WxUnavailableException extends WxApiException {

	public WxUnavailableException(String api, String message, Throwable cause) {
		super(api, NO_ERRCODE, message, cause);
	}

}
