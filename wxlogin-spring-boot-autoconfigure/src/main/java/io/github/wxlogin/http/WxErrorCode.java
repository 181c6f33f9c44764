package io.github.wxlogin.http;

import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * The stable {@code code} member of every {@code problem+json} error of the login endpoints.
 */
public enum WxErrorCode {

	/** A field is missing, blank, too long or malformed, or the body is unreadable. */
	INVALID_REQUEST(HttpStatus.BAD_REQUEST),

	/** WeChat rejected the one-time code. */
	INVALID_CODE(HttpStatus.UNAUTHORIZED),

	/** The Bearer token is missing or not valid, or its user is gone. */
	UNAUTHORIZED(HttpStatus.UNAUTHORIZED),

	/** The refresh token is unknown, expired, revoked or spent. */
	INVALID_REFRESH_TOKEN(HttpStatus.UNAUTHORIZED),

	/** No stored session key, or one that no longer decrypts or verifies: the client must log in again. */
	SESSION_KEY_EXPIRED(HttpStatus.UNAUTHORIZED),

	/** An AppID this back end does not serve. */
	UNKNOWN_APP(HttpStatus.BAD_REQUEST),

	/** WeChat blocked a high-risk user. */
	RISKY_USER(HttpStatus.FORBIDDEN),

	/** The host disabled the account. */
	ACCOUNT_DISABLED(HttpStatus.FORBIDDEN),

	/** The mini program was switched off in the app registry. */
	APP_DISABLED(HttpStatus.FORBIDDEN),

	/** A request the caller may not make, such as one its access token does not allow. */
	FORBIDDEN(HttpStatus.FORBIDDEN),

	/** No endpoint at this path under the base path, or no session or identity of this id of the caller's. */
	NOT_FOUND(HttpStatus.NOT_FOUND),

	/** The endpoint does not take this HTTP method. */
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),

	/** The phone number is bound to another user. */
	PHONE_CONFLICT(HttpStatus.CONFLICT),

	/** A phone login whose identity and phone number belong to two different accounts. */
	IDENTITY_CONFLICT(HttpStatus.CONFLICT),

	/** Two accounts cannot be merged: the caller's has a phone of its own. */
	MERGE_CONFLICT(HttpStatus.CONFLICT),

	/** An avatar over the size or pixel limit. */
	// 413 by number: PAYLOAD_TOO_LARGE is deprecated for CONTENT_TOO_LARGE
	IMAGE_TOO_LARGE(HttpStatus.valueOf(413)),

	/** An avatar that is not a JPEG, PNG or WebP image by its bytes, or does not decode. */
	UNSUPPORTED_IMAGE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),

	/** The nickname failed WeChat's content check. */
	// 422 by number: UNPROCESSABLE_CONTENT in Spring 7, UNPROCESSABLE_ENTITY in 6
	CONTENT_REJECTED(HttpStatus.valueOf(422)),

	/** Too many requests, to WeChat or to the starter. */
	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),

	/** WeChat answered something unreadable. */
	WECHAT_BAD_RESPONSE(HttpStatus.BAD_GATEWAY),

	/** WeChat refused the application's own credentials or IP address. */
	WECHAT_CONFIG_ERROR(HttpStatus.BAD_GATEWAY),

	/** WeChat is busy, slow or unreachable. */
	WECHAT_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),

	/** Redis or the database did not answer within its timeout; nothing was half done. */
	STORE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),

	/** Anything unexpected; logged once on the server. */
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

	private final HttpStatus status;

	WxErrorCode(HttpStatus status) {
		this.status = status;
	}

	/**
	 * Return the HTTP status of this error.
	 * @return the status
	 */
	public HttpStatus status() {
		return this.status;
	}

	/**
	 * Return the code as it appears in the {@code code} member, such as {@code invalid_code}.
	 * @return the code
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
