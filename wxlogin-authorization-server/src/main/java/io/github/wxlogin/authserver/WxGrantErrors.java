package io.github.wxlogin.authserver;

import io.github.wxlogin.http.WxErrorCode;
import io.github.wxlogin.http.WxErrorCodes;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * The OAuth 2 error a refused WeChat login or renewal is answered with. The starter's own error code
 * ({@link WxErrorCode#code()}, such as {@code invalid_code} or {@code account_disabled}) is the
 * {@code error_description}, so that a client tells the cases apart as it does at the starter's endpoints.
 */
final class WxGrantErrors {

	private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";

	private WxGrantErrors() {
	}

	/**
	 * Return the exception a failure of the starter's sign-in is answered with.
	 * @param failure what the sign-in service, WeChat's client or a store threw
	 * @return the authorization server's exception
	 */
	static OAuth2AuthenticationException of(RuntimeException failure) {
		WxErrorCode code = WxErrorCodes.of(failure);
		return new OAuth2AuthenticationException(new OAuth2Error(errorOf(code), code.code(), ERROR_URI), failure);
	}

	/** The OAuth 2 error of each of the starter's codes: its grant is refused, its request bad, or the server out. */
	private static String errorOf(WxErrorCode code) {
		return switch (code) {
			case INVALID_REQUEST, UNKNOWN_APP -> OAuth2ErrorCodes.INVALID_REQUEST;
			case INVALID_CODE, INVALID_REFRESH_TOKEN, SESSION_KEY_EXPIRED, UNAUTHORIZED, RISKY_USER, ACCOUNT_DISABLED,
					APP_DISABLED, FORBIDDEN, PHONE_CONFLICT, IDENTITY_CONFLICT, MERGE_CONFLICT ->
				OAuth2ErrorCodes.INVALID_GRANT;
			case RATE_LIMITED, WECHAT_UNAVAILABLE, STORE_UNAVAILABLE -> OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE;
			// Failures no login makes, and the server's own
			case NOT_FOUND, METHOD_NOT_ALLOWED, IMAGE_TOO_LARGE, UNSUPPORTED_IMAGE, CONTENT_REJECTED,
					WECHAT_BAD_RESPONSE, WECHAT_CONFIG_ERROR, INTERNAL_ERROR ->
				OAuth2ErrorCodes.SERVER_ERROR;
		};
	}

}
