package io.github.wxlogin.web;

/**
 * A login request that cannot be served, answered with the {@code problem+json} error of its code. The
 * detail is shown to the client, so it never holds a secret.
 */
public class WxLoginException extends RuntimeException {

	private final WxErrorCode errorCode;

	/**
	 * Create an exception.
	 * @param errorCode the error's code
	 * @param detail what went wrong, for the client
	 */
	public WxLoginException(WxErrorCode errorCode, String detail) {
		super(detail);
		this.errorCode = errorCode;
	}

	/**
	 * Return the error's code.
	 * @return the code
	 */
	public WxErrorCode getErrorCode() {
		return this.errorCode;
	}

	static WxLoginException invalidRequest(String detail) {
		return new WxLoginException(WxErrorCode.INVALID_REQUEST, detail);
	}

	static WxLoginException sessionExpired() {
		return new WxLoginException(WxErrorCode.SESSION_EXPIRED,
				"The WeChat session has expired; call wx.login and log in again.");
	}

}
