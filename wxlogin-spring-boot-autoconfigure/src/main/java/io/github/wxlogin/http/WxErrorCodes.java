package io.github.wxlogin.http;

import io.github.wxlogin.login.WxLoginException;
import io.github.wxlogin.session.TokenStoreUnavailableException;
import io.github.wxlogin.wechat.WxApiException;
import io.github.wxlogin.wechat.WxPushException;

import org.springframework.dao.DataAccessException;

/**
 * The one mapping of failures to the contract's codes: what the endpoints answer a failure with, and what
 * the login and refresh counters tag it with. Each reason enum is read by an exhaustive {@code switch}, so
 * that a new reason is given its code here.
 */
public final class WxErrorCodes {

	private WxErrorCodes() {
	}

	/**
	 * Return the code a failure is answered with.
	 * @param failure what a login service, WeChat's client, the push or a store threw
	 * @return the code, {@link WxErrorCode#INTERNAL_ERROR} for anything unexpected
	 */
	public static WxErrorCode of(Throwable failure) {
		if (failure instanceof WxLoginException login) {
			return of(login.reason());
		}
		if (failure instanceof WxApiException wechat) {
			return of(wechat.getReason());
		}
		if (failure instanceof WxPushException push) {
			return of(push.getReason());
		}
		if (failure instanceof TokenStoreUnavailableException) {
			return WxErrorCode.STORE_UNAVAILABLE;
		}
		if (failure instanceof DataAccessException store && StoreFailures.isOutage(store)) {
			return WxErrorCode.STORE_UNAVAILABLE;
		}
		return WxErrorCode.INTERNAL_ERROR;
	}

	/**
	 * Return the code a login use case's refusal is answered with.
	 * @param reason why the request was refused
	 * @return the code
	 */
	public static WxErrorCode of(WxLoginException.Reason reason) {
		return switch (reason) {
			case INVALID_REQUEST -> WxErrorCode.INVALID_REQUEST;
			case NOT_SIGNED_IN, USER_GONE, APP_NOT_SERVED -> WxErrorCode.UNAUTHORIZED;
			case INVALID_REFRESH_TOKEN -> WxErrorCode.INVALID_REFRESH_TOKEN;
			case SESSION_KEY_EXPIRED -> WxErrorCode.SESSION_KEY_EXPIRED;
			case ACCOUNT_DISABLED -> WxErrorCode.ACCOUNT_DISABLED;
			case UNKNOWN_APP -> WxErrorCode.UNKNOWN_APP;
			case APP_DISABLED -> WxErrorCode.APP_DISABLED;
			case PHONE_CONFLICT -> WxErrorCode.PHONE_CONFLICT;
			case IDENTITY_CONFLICT -> WxErrorCode.IDENTITY_CONFLICT;
			case MERGE_CONFLICT -> WxErrorCode.MERGE_CONFLICT;
			case CONTENT_REJECTED -> WxErrorCode.CONTENT_REJECTED;
			case IMAGE_TOO_LARGE -> WxErrorCode.IMAGE_TOO_LARGE;
			case UNSUPPORTED_IMAGE -> WxErrorCode.UNSUPPORTED_IMAGE;
			case AVATAR_NOT_FOUND, NOT_FOUND -> WxErrorCode.NOT_FOUND;
		};
	}

	/**
	 * Return the code a failed WeChat call is answered with: WeChat's failures keep their own names inside
	 * the {@code wechat} package, and become the contract's {@code wechat_*} codes here.
	 * @param reason what went wrong with the call
	 * @return the code
	 */
	public static WxErrorCode of(WxApiException.Reason reason) {
		return switch (reason) {
			case INVALID_CODE -> WxErrorCode.INVALID_CODE;
			case RATE_LIMITED -> WxErrorCode.RATE_LIMITED;
			case RISKY_USER -> WxErrorCode.RISKY_USER;
			case BUSY, UNAVAILABLE -> WxErrorCode.WECHAT_UNAVAILABLE;
			// A token rejected after its replacement: WeChat does not accept this server's credentials
			case CONFIG_ERROR, TOKEN_REJECTED -> WxErrorCode.WECHAT_CONFIG_ERROR;
			case BAD_RESPONSE, REFUSED -> WxErrorCode.WECHAT_BAD_RESPONSE;
		};
	}

	/**
	 * Return the code a refused message push is answered with.
	 * @param reason why the push is refused
	 * @return the code
	 */
	public static WxErrorCode of(WxPushException.Reason reason) {
		return switch (reason) {
			case NOT_CONFIGURED -> WxErrorCode.NOT_FOUND;
			case BAD_SIGNATURE, STALE_TIMESTAMP, WRONG_APPID -> WxErrorCode.UNAUTHORIZED;
			case MALFORMED -> WxErrorCode.INVALID_REQUEST;
		};
	}

}
