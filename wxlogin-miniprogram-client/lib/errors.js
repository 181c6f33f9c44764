'use strict';
// The back end's contract, as the client sees it: the problem+json codes, the reasons a session ended,
// and the one error type every promise of the client rejects with.

/**
 * Every `code` the back end answers with (its problem+json table), and the client's own codes for what
 * never reached it. The README's table says what the client does about each.
 */
const ErrorCode = Object.freeze({
	INVALID_REQUEST: 'invalid_request',
	INVALID_CODE: 'invalid_code',
	UNAUTHORIZED: 'unauthorized',
	INVALID_REFRESH_TOKEN: 'invalid_refresh_token',
	SESSION_KEY_EXPIRED: 'session_key_expired',
	UNKNOWN_APP: 'unknown_app',
	RISKY_USER: 'risky_user',
	ACCOUNT_DISABLED: 'account_disabled',
	APP_DISABLED: 'app_disabled',
	FORBIDDEN: 'forbidden',
	NOT_FOUND: 'not_found',
	METHOD_NOT_ALLOWED: 'method_not_allowed',
	PHONE_CONFLICT: 'phone_conflict',
	IDENTITY_CONFLICT: 'identity_conflict',
	IMAGE_TOO_LARGE: 'image_too_large',
	UNSUPPORTED_IMAGE: 'unsupported_image',
	CONTENT_REJECTED: 'content_rejected',
	RATE_LIMITED: 'rate_limited',
	WECHAT_BAD_RESPONSE: 'wechat_bad_response',
	WECHAT_CONFIG_ERROR: 'wechat_config_error',
	WECHAT_UNAVAILABLE: 'wechat_unavailable',
	STORE_UNAVAILABLE: 'store_unavailable',
	INTERNAL_ERROR: 'internal_error',
});

/**
 * The client's own codes: failures that have no reply of the back end behind them.
 */
const ClientErrorCode = Object.freeze({
	// wx.request (uni.request, Taro.request) failed: offline, timed out, or the reply was lost
	NETWORK_ERROR: 'network_error',
	// wx.login() gave no code
	LOGIN_FAILED: 'login_failed',
	// The user declined the getPhoneNumber button: its event has no code
	PHONE_NOT_SHARED: 'phone_not_shared',
	// A call that needs a session, made while logged out after the session ended (see the loggedOut event)
	NOT_LOGGED_IN: 'not_logged_in',
	// An error status whose body is not the back end's problem+json (a proxy's page, another server)
	HTTP_ERROR: 'http_error',
});

/**
 * Why a session ended: the `reason` member of a 401 for a token that was once valid, or of a refused
 * refresh, passed through to the loggedOut event.
 */
const SessionEndReason = Object.freeze({
	EXPIRED: 'expired',
	SESSION_ENDED: 'session_ended',
	SESSION_REPLACED: 'session_replaced',
	SESSION_REVOKED: 'session_revoked',
	ACCOUNT_DISABLED: 'account_disabled',
	ACCOUNT_DELETED: 'account_deleted',
	ACCOUNT_MERGED: 'account_merged',
	IDLE_TIMEOUT: 'idle_timeout',
	REUSE_DETECTED: 'reuse_detected',
});

/**
 * Why the loggedOut event fired when the back end gave no reason: this device logged out, or logged
 * out everywhere.
 */
const LogoutReason = Object.freeze({
	LOGGED_OUT: 'logged_out',
	LOGGED_OUT_EVERYWHERE: 'logged_out_everywhere',
});

// Ended sessions after which the client logs in again by itself: the user did nothing and would
// only be asked to; every other reason is the user's or an administrator's decision, told to the app
const RENEWABLE_REASONS = [SessionEndReason.EXPIRED, SessionEndReason.IDLE_TIMEOUT, SessionEndReason.ACCOUNT_MERGED];

// Refusals of a login after which the stored session is gone for good
const ENDING_CODES = [ErrorCode.ACCOUNT_DISABLED, ErrorCode.APP_DISABLED, ErrorCode.RISKY_USER];

/**
 * Whether the client renews a session that ended for this reason without asking anyone: no reason
 * (an older back end), an expired or idle session, or an account merged into another.
 * @param {string | undefined} reason
 */
function isRenewable(reason) {
	return !reason || RENEWABLE_REASONS.indexOf(reason) >= 0;
}

/**
 * What every promise of the client rejects with: the back end's problem (code, status, detail, reason,
 * Retry-After) or one of the client's own codes.
 */
class WxLoginError extends Error {

	constructor(code, message, details) {
		super(message || code);
		const more = details || {};
		this.name = 'WxLoginError';
		this.code = code;
		this.status = more.status;
		this.reason = more.reason;
		this.retryAfter = more.retryAfter;
		this.wxErrcode = more.wxErrcode;
		this.problem = more.problem;
	}

}

/**
 * The problem+json body of an error reply, or null when the reply is not one of the back end's.
 */
function problemOf(reply) {
	let body = reply.data;
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		}
		catch (ex) {
			return null;
		}
	}
	return (body && typeof body === 'object' && typeof body.code === 'string') ? body : null;
}

/**
 * The Retry-After of a reply in seconds (delta-seconds or an HTTP date), or undefined without one.
 */
function retryAfterOf(reply, now) {
	const value = header(reply, 'retry-after');
	if (value === undefined || value === '') {
		return undefined;
	}
	if (/^\s*\d+\s*$/.test(value)) {
		return Number(value);
	}
	const date = Date.parse(value);
	return isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

// wx.request names the reply's headers as the server wrote them; HTTP/2 writes them in lower case
function header(reply, name) {
	const headers = reply.header || reply.headers || {};
	const keys = Object.keys(headers);
	for (let i = 0; i < keys.length; i++) {
		if (keys[i].toLowerCase() === name) {
			return String(headers[keys[i]]);
		}
	}
	return undefined;
}

/**
 * The error for a reply with an error status.
 */
function errorOf(reply, now) {
	const problem = problemOf(reply);
	const details = {
		status: reply.statusCode,
		retryAfter: retryAfterOf(reply, now),
		problem: problem || undefined,
		reason: (problem && typeof problem.reason === 'string') ? problem.reason : undefined,
		wxErrcode: problem ? problem.wxErrcode : undefined,
	};
	if (!problem) {
		return new WxLoginError(ClientErrorCode.HTTP_ERROR, 'HTTP ' + reply.statusCode, details);
	}
	return new WxLoginError(problem.code, problem.detail || problem.title || problem.code, details);
}

module.exports = {
	ErrorCode,
	ClientErrorCode,
	SessionEndReason,
	LogoutReason,
	ENDING_CODES,
	WxLoginError,
	isRenewable,
	errorOf,
};
