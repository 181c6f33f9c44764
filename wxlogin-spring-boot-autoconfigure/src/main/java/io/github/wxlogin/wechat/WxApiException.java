package io.github.wxlogin.wechat;

import org.jspecify.annotations.Nullable;

/**
 * WeChat answered a call with an error, or could not be reached. The {@link Reason} says what went wrong;
 * whoever reads it switches over every reason, so that a new one is handled everywhere. The message holds
 * the API and the errcode, never the secret, a session key or an access token.
 */
public final class WxApiException extends RuntimeException {

	/** The errcode of a failure that did not come from WeChat's errcode, such as a timeout. */
	public static final int NO_ERRCODE = 0;

	private final Reason reason;

	private final String api;

	private final int errcode;

	/**
	 * Create an exception.
	 * @param reason what went wrong
	 * @param api the WeChat API that failed, such as {@code jscode2session}
	 * @param errcode WeChat's errcode, or {@link #NO_ERRCODE}
	 * @param message what happened, without any secret
	 */
	public WxApiException(Reason reason, String api, int errcode, String message) {
		this(reason, api, errcode, message, null);
	}

	/**
	 * Create an exception with a cause.
	 * @param reason what went wrong
	 * @param api the WeChat API that failed, such as {@code jscode2session}
	 * @param errcode WeChat's errcode, or {@link #NO_ERRCODE}
	 * @param message what happened, without any secret
	 * @param cause the cause, or {@code null}
	 */
	public WxApiException(Reason reason, String api, int errcode, String message, @Nullable Throwable cause) {
		super(api + ": " + message + ((errcode != NO_ERRCODE) ? " (errcode " + errcode + ")" : ""), cause);
		this.reason = reason;
		this.api = api;
		this.errcode = errcode;
	}

	/**
	 * Return what went wrong.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
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

	/**
	 * What went wrong with a WeChat call.
	 */
	public enum Reason {

		/**
		 * WeChat rejected a one-time code: unknown, expired, of another app, or already used (40029, 40163).
		 */
		INVALID_CODE,

		/** WeChat blocked the login of a high-risk user (40226). */
		RISKY_USER,

		/** WeChat's per-user quota is spent (45011); the client should try again in a minute. */
		RATE_LIMITED,

		/** WeChat stayed busy ({@code -1}) through every retry. */
		BUSY,

		/**
		 * WeChat could not be reached in time: the connection was refused, the reply did not come before
		 * the read timeout, or no access token came in time.
		 */
		UNAVAILABLE,

		/**
		 * WeChat rejected the access token (40001, 40014, 42001, 41001); the starter's client replaces it
		 * and retries once before it gives up with this reason.
		 */
		TOKEN_REJECTED,

		/**
		 * WeChat refused the mini program's own credentials or server: wrong appid or secret, IP not in the
		 * whitelist, frozen secret, token quota spent (40013, 40125, 40164, 40243, 45009, 89503). Retrying
		 * does not help; an operator must fix the configuration.
		 */
		CONFIG_ERROR,

		/**
		 * WeChat answered something that is not a usable reply: a body that is not JSON, an HTML error
		 * page, an HTTP 5xx, or JSON without the fields the call needs.
		 */
		BAD_RESPONSE,

		/** WeChat refused the call with an errcode that has no reason of its own. */
		REFUSED

	}

}
