package io.github.wxlogin.wechat;

/**
 * WeChat answered a call with an error, or could not be reached. Subtypes name what went wrong. The
 * message holds the API and the errcode, never the secret, a session key or an access token.
 */
public class WxApiException extends RuntimeException {

	/** The errcode of a failure that did not come from WeChat's errcode, such as a timeout. */
	public static final int NO_ERRCODE = 0;

	private final String api;

	private final int errcode;

	public WxApiException(String api, int errcode, String message) {
		this(api, errcode, message, null);
	}

	public WxApiException(String api, int errcode, String message, Throwable cause) {
		super(api + ": " + message + ((errcode != NO_ERRCODE) ? " (errcode " + errcode + ")" : ""), cause);
		this.api = api;
		this.errcode = errcode;
	}

	/**
	 * Return the WeChat API that failed, such as {@code jscode2session}.
	 * @return the API's name
	 */
	public String getApi() {
		return this.api;
	}

	/**
	 * Return WeChat's errcode, or {@link #NO_ERRCODE} when WeChat gave none.
	 * @return the errcode
	 */
	public int getErrcode() {
		return this.errcode;
	}

}
