// Types of the core. Checked by `npm run typecheck` against types-test/ and by the consumer test.

/** Every `code` of the back end's problem+json replies. */
export declare const ErrorCode: {
	readonly INVALID_REQUEST: 'invalid_request';
	readonly INVALID_CODE: 'invalid_code';
	readonly UNAUTHORIZED: 'unauthorized';
	readonly INVALID_REFRESH_TOKEN: 'invalid_refresh_token';
	readonly SESSION_KEY_EXPIRED: 'session_key_expired';
	readonly UNKNOWN_APP: 'unknown_app';
	readonly RISKY_USER: 'risky_user';
	readonly ACCOUNT_DISABLED: 'account_disabled';
	readonly APP_DISABLED: 'app_disabled';
	readonly FORBIDDEN: 'forbidden';
	readonly NOT_FOUND: 'not_found';
	readonly METHOD_NOT_ALLOWED: 'method_not_allowed';
	readonly PHONE_CONFLICT: 'phone_conflict';
	readonly IDENTITY_CONFLICT: 'identity_conflict';
	readonly IMAGE_TOO_LARGE: 'image_too_large';
	readonly UNSUPPORTED_IMAGE: 'unsupported_image';
	readonly CONTENT_REJECTED: 'content_rejected';
	readonly RATE_LIMITED: 'rate_limited';
	readonly WECHAT_BAD_RESPONSE: 'wechat_bad_response';
	readonly WECHAT_CONFIG_ERROR: 'wechat_config_error';
	readonly WECHAT_UNAVAILABLE: 'wechat_unavailable';
	readonly STORE_UNAVAILABLE: 'store_unavailable';
	readonly INTERNAL_ERROR: 'internal_error';
};
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The client's own codes, for failures with no reply of the back end behind them. */
export declare const ClientErrorCode: {
	readonly NETWORK_ERROR: 'network_error';
	readonly LOGIN_FAILED: 'login_failed';
	readonly PHONE_NOT_SHARED: 'phone_not_shared';
	readonly NOT_LOGGED_IN: 'not_logged_in';
	readonly HTTP_ERROR: 'http_error';
};
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/** The `reason` of a 401 for a token that was once valid, or of a refused refresh. */
export declare const SessionEndReason: {
	readonly EXPIRED: 'expired';
	readonly SESSION_ENDED: 'session_ended';
	readonly SESSION_REPLACED: 'session_replaced';
	readonly SESSION_REVOKED: 'session_revoked';
	readonly ACCOUNT_DISABLED: 'account_disabled';
	readonly ACCOUNT_DELETED: 'account_deleted';
	readonly ACCOUNT_MERGED: 'account_merged';
	readonly IDLE_TIMEOUT: 'idle_timeout';
	readonly REUSE_DETECTED: 'reuse_detected';
};
export type SessionEndReason = (typeof SessionEndReason)[keyof typeof SessionEndReason];

/** Why loggedOut fired when this device logged out. */
export declare const LogoutReason: {
	readonly LOGGED_OUT: 'logged_out';
	readonly LOGGED_OUT_EVERYWHERE: 'logged_out_everywhere';
};
export type LogoutReason = (typeof LogoutReason)[keyof typeof LogoutReason];

/** Whether the client renews a session that ended for this reason by itself (no reason, expired, idle, merged). */
export declare function isRenewable(reason: string | undefined): boolean;

/** The back end's problem+json body. */
export interface Problem {
	code: string;
	status?: number;
	title?: string;
	detail?: string;
	reason?: string;
	wxErrcode?: number;
	[member: string]: unknown;
}

/** What every promise of the client rejects with. */
export declare class WxLoginError extends Error {
	constructor(code: string, message?: string, details?: {
		status?: number; reason?: string; retryAfter?: number; wxErrcode?: number; problem?: Problem;
	});
	readonly name: 'WxLoginError';
	/** An ErrorCode, a ClientErrorCode, or a code of a newer back end. */
	readonly code: ErrorCode | ClientErrorCode | (string & {});
	/** The HTTP status, when the back end answered. */
	readonly status?: number;
	/** Why the session ended (SessionEndReason), when the back end said. */
	readonly reason?: SessionEndReason | (string & {});
	/** Retry-After in seconds, on 429 and 503. */
	readonly retryAfter?: number;
	readonly wxErrcode?: number;
	readonly problem?: Problem;
}

export interface Device {
	model?: string;
	platform?: string;
	system?: string;
}

export interface User {
	id: string;
	openid: string;
	unionid?: string;
	nickname?: string;
	avatarUrl?: string;
	phoneNumber?: string;
	createdAt: string;
	identities?: Array<{ appid: string; linkedAt: string }>;
}

/** The stored login: the tokens, when they expire (epoch milliseconds), the user and phoneBound. */
export interface StoredSession {
	accessToken: string;
	refreshToken: string;
	expiresAt: number;
	refreshExpiresAt?: number;
	expiresIn: number;
	/** Whether the account has a phone: show the (paid) phone-number button only when not. */
	phoneBound: boolean;
	user: User;
}

export interface SessionInfo {
	id: string;
	appid: string;
	createdAt: string;
	lastUsedAt: string;
	ip: string;
	userAgent?: string;
	device?: Device;
	current: boolean;
}

export interface PhoneNumber {
	phoneNumber: string;
	purePhoneNumber: string;
	countryCode: string;
}

/** The event of <button open-type="getPhoneNumber">, or what matters of it. */
export interface PhoneNumberEvent {
	detail: { code?: string; errMsg?: string };
}

/** What wx.getUserProfile gives older clients. */
export interface WeChatProfile {
	rawData: string;
	signature: string;
	encryptedData?: string;
	iv?: string;
}

export interface LoggedInEvent {
	user: User;
	phoneBound: boolean;
	newUser: boolean;
	method: 'login' | 'phone';
}

export interface LoggedOutEvent {
	/** The back end's reason, the refusal's code when it gave none, or a LogoutReason. */
	reason: SessionEndReason | LogoutReason | ErrorCode | (string & {});
	/** The error code of the refusal that ended the session; none for a logout. */
	code?: string;
}

export interface PlatformRequest {
	url: string;
	method: string;
	data?: unknown;
	header: Record<string, string>;
}

export interface PlatformReply {
	statusCode: number;
	data: unknown;
	header?: Record<string, string>;
}

/**
 * What an adapter gives the core. request and upload resolve with any reply, whatever its status, and
 * reject only when none came; login resolves with a one-time code.
 */
export interface Platform {
	request(options: PlatformRequest): Promise<PlatformReply>;
	upload(options: { url: string; filePath: string; name: string; header: Record<string, string> }): Promise<PlatformReply>;
	login(): Promise<string>;
	getStorage(key: string): unknown;
	setStorage(key: string, value: unknown): void;
	removeStorage(key: string): void;
	deviceInfo(): Device | undefined;
}

export interface ClientOptions {
	/** The back end, e.g. https://api.example.com */
	baseUrl: string;
	platform: Platform;
	/** Where the starter's endpoints are mounted: wx.login.endpoints.base-path, /wx by default. */
	basePath?: string;
	/** Sent with logins when the back end serves several mini programs and cannot tell from the Referer. */
	appid?: string;
	/** The storage key of the session, wxlogin.session by default. */
	storageKey?: string;
	/** Seconds before the access token expires when a request refreshes it first (300; at most half its lifetime). */
	refreshAhead?: number;
	/** 429 and 503 whose Retry-After is at most maxDelay seconds are tried again `attempts` times (1, 10). */
	retry?: { attempts?: number; maxDelay?: number };
	/** Send the device (model, platform, system) with logins, for the session list; true by default. */
	device?: boolean;
	/** The clock, epoch milliseconds; for tests. */
	now?: () => number;
	/** How to wait for a Retry-After; for tests. */
	sleep?: (milliseconds: number) => Promise<void>;
}

export interface RequestOptions {
	/** A path on baseUrl, or a full URL. */
	path: string;
	method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';
	data?: unknown;
	header?: Record<string, string>;
}

export declare class WxLoginClient {
	constructor(options: ClientOptions);
	readonly baseUrl: string;
	readonly basePath: string;
	/** The stored session, or null when logged out. */
	readonly session: StoredSession | null;
	readonly user: User | null;
	readonly phoneBound: boolean;
	readonly loggedIn: boolean;
	on(event: 'loggedIn', listener: (event: LoggedInEvent) => void): () => void;
	on(event: 'loggedOut', listener: (event: LoggedOutEvent) => void): () => void;
	absoluteUrl(url: string): string;
	/** The stored session, or a silent login when there is none: what app.js calls at launch. */
	ensureLogin(): Promise<StoredSession>;
	/** A silent login with a fresh login code; a second call while one runs joins it. */
	login(): Promise<StoredSession>;
	loginWithPhone(event: PhoneNumberEvent | string): Promise<StoredSession & { newUser: boolean }>;
	refresh(refusedAccessToken?: string): Promise<StoredSession>;
	request<T = any>(options: RequestOptions): Promise<T>;
	me(): Promise<User>;
	saveProfile(profile: { nickname?: string; avatarUrl?: string }): Promise<User>;
	bindPhone(event: PhoneNumberEvent | string): Promise<PhoneNumber>;
	saveWeChatProfile(result: WeChatProfile): Promise<User>;
	uploadAvatar(tempFilePath: string): Promise<{ avatarUrl: string; checking: boolean }>;
	sessions(): Promise<SessionInfo[]>;
	endSession(id: string): Promise<void>;
	logout(options?: { everywhere?: boolean }): Promise<void>;
	deleteAccount(): Promise<{ deletionScheduledAt: string } | null>;
}

export declare function createClient(options: ClientOptions): WxLoginClient;
