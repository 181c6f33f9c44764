'use strict';
// The core: the back end's contract and the login state, with no knowledge of the platform. An adapter
// (wx.js, uni.js, taro.js) hands it request, upload, login, storage and device info.
const {
	ErrorCode, ClientErrorCode, LogoutReason, SessionEndReason, ENDING_CODES, WxLoginError, isRenewable, errorOf,
} = require('./errors');

const DEFAULTS = {
	basePath: '/wx',
	storageKey: 'wxlogin.session',
	// Seconds before the access token expires when a request renews it first; at most half its lifetime
	refreshAhead: 300,
	// Replies 429 and 503 whose Retry-After is at most maxDelay seconds are tried again, this many times
	retry: { attempts: 1, maxDelay: 10 },
};

function isOk(reply) {
	return reply.statusCode >= 200 && reply.statusCode < 300;
}

function networkError(failure) {
	const message = (failure && (failure.errMsg || failure.message)) || 'request failed';
	return new WxLoginError(ClientErrorCode.NETWORK_ERROR, message);
}

function jsonBody(reply) {
	if (typeof reply.data !== 'string') {
		return reply.data;
	}
	try {
		return JSON.parse(reply.data);
	}
	catch (ex) {
		return reply.data;
	}
}

/**
 * The client of a wxlogin back end, on one platform. See createClient.
 */
class WxLoginClient {

	constructor(options) {
		if (!options || !options.baseUrl) {
			throw new TypeError('wxlogin: baseUrl is required');
		}
		if (!options.platform) {
			throw new TypeError('wxlogin: platform is required (the wx, uni or taro adapter)');
		}
		this.baseUrl = String(options.baseUrl).replace(/\/+$/, '');
		this.basePath = options.basePath !== undefined ? options.basePath : DEFAULTS.basePath;
		this.platform = options.platform;
		this.appid = options.appid;
		this.storageKey = options.storageKey || DEFAULTS.storageKey;
		this.refreshAhead = options.refreshAhead !== undefined ? options.refreshAhead : DEFAULTS.refreshAhead;
		this.retry = Object.assign({}, DEFAULTS.retry, options.retry);
		this.sendDevice = options.device !== false;
		this.now = options.now || Date.now;
		this.sleep = options.sleep || ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
		this.listeners = { loggedIn: [], loggedOut: [] };
		// One login, phone login or refresh at a time: each runs after the one before, and every request waits
		// for the last one queued. A login or refresh asked for while one of its kind is pending joins it.
		this.tail = Promise.resolve();
		this.pending = {};
		// Why the session ended, when it did: requests then wait for the app to log in again, so that two
		// devices of an account limited to one session do not take it from each other forever
		this.endedBy = null;
	}

	// ---- state ----

	/** The stored session, or null when logged out. */
	get session() {
		const stored = this.platform.getStorage(this.storageKey);
		return (stored && typeof stored === 'object' && stored.accessToken) ? stored : null;
	}

	get user() {
		const current = this.session;
		return current ? current.user : null;
	}

	get phoneBound() {
		const current = this.session;
		return Boolean(current && current.phoneBound);
	}

	get loggedIn() {
		return this.session !== null;
	}

	/** Listen to 'loggedIn' or 'loggedOut'; returns the function that stops listening. */
	on(event, listener) {
		const list = this.listeners[event];
		if (!list) {
			throw new TypeError('wxlogin: unknown event ' + event + " (events: 'loggedIn', 'loggedOut')");
		}
		list.push(listener);
		return () => {
			const index = list.indexOf(listener);
			if (index >= 0) {
				list.splice(index, 1);
			}
		};
	}

	/** A URL of the back end as given, or made absolute: avatars are paths unless it has a public base URL. */
	absoluteUrl(url) {
		return (!url || /^[a-z][a-z0-9+.-]*:/i.test(url)) ? url : this.baseUrl + url;
	}

	emit(event, payload) {
		this.listeners[event].slice().forEach((listener) => {
			try {
				listener(payload);
			}
			catch (ex) {
				console.error('wxlogin: a ' + event + ' listener failed', ex);
			}
		});
	}

	keep(tokens) {
		const now = this.now();
		const session = {
			accessToken: tokens.accessToken,
			refreshToken: tokens.refreshToken,
			expiresAt: now + tokens.expiresIn * 1000,
			refreshExpiresAt: tokens.refreshExpiresIn ? now + tokens.refreshExpiresIn * 1000 : undefined,
			// The lifetime the back end gave, for the proactive refresh
			expiresIn: tokens.expiresIn,
			phoneBound: Boolean(tokens.phoneBound),
			user: this.withAbsoluteAvatar(tokens.user),
		};
		this.platform.setStorage(this.storageKey, session);
		this.endedBy = null;
		return session;
	}

	withAbsoluteAvatar(user) {
		if (user && user.avatarUrl) {
			return Object.assign({}, user, { avatarUrl: this.absoluteUrl(user.avatarUrl) });
		}
		return user;
	}

	updateStored(change) {
		const current = this.session;
		if (current) {
			this.platform.setStorage(this.storageKey, Object.assign({}, current, change(current)));
		}
	}

	updateUser(user) {
		this.updateStored((current) => ({ user: Object.assign({}, current.user, this.withAbsoluteAvatar(user)) }));
		return this.user;
	}

	/** Forget the stored session and say why; no call to the back end. */
	end(reason, code) {
		const had = this.session !== null;
		this.platform.removeStorage(this.storageKey);
		this.endedBy = reason;
		if (had) {
			this.emit('loggedOut', { reason, code });
		}
	}

	// ---- one at a time ----

	exclusive(kind, work) {
		if (kind && this.pending[kind]) {
			return this.pending[kind];
		}
		const run = this.tail.then(work, work);
		this.tail = run.then(() => undefined, () => undefined);
		if (kind) {
			this.pending[kind] = run;
			const clear = () => {
				if (this.pending[kind] === run) {
					delete this.pending[kind];
				}
			};
			run.then(clear, clear);
		}
		return run;
	}

	// ---- sending ----

	url(path) {
		return /^https?:\/\//.test(path) ? path : this.baseUrl + path;
	}

	async send(options) {
		const header = Object.assign({ 'content-type': 'application/json' }, options.header);
		if (options.accessToken) {
			header.Authorization = 'Bearer ' + options.accessToken;
		}
		try {
			return await this.platform.request({
				url: this.url(options.path),
				method: options.method || 'GET',
				data: options.data,
				header,
			});
		}
		catch (failure) {
			throw networkError(failure);
		}
	}

	/**
	 * Send a request to the back end, trying 429 and 503 again after their Retry-After (within the retry
	 * settings). `fresh` makes each try's body anew (a login code is good once).
	 */
	async sendRetrying(options, fresh) {
		for (let attempt = 0; ; attempt++) {
			const reply = await this.send(fresh ? Object.assign({}, options, { data: await fresh() }) : options);
			const wait = this.retryDelay(reply, attempt);
			if (wait === undefined) {
				return reply;
			}
			await this.sleep(wait * 1000);
		}
	}

	retryDelay(reply, attempt) {
		if ((reply.statusCode !== 429 && reply.statusCode !== 503) || attempt >= this.retry.attempts) {
			return undefined;
		}
		const error = errorOf(reply, this.now());
		return (error.retryAfter !== undefined && error.retryAfter <= this.retry.maxDelay) ? error.retryAfter : undefined;
	}

	fail(reply) {
		throw errorOf(reply, this.now());
	}

	device() {
		if (!this.sendDevice) {
			return undefined;
		}
		try {
			const info = this.platform.deviceInfo();
			if (!info) {
				return undefined;
			}
			return { model: info.model, platform: info.platform, system: info.system };
		}
		catch (ex) {
			return undefined;
		}
	}

	async loginCode() {
		let code;
		try {
			code = await this.platform.login();
		}
		catch (failure) {
			throw new WxLoginError(ClientErrorCode.LOGIN_FAILED, (failure && failure.errMsg) || 'login failed');
		}
		if (!code) {
			throw new WxLoginError(ClientErrorCode.LOGIN_FAILED, 'login gave no code');
		}
		return code;
	}

	withApp(body) {
		if (this.appid) {
			body.appid = this.appid;
		}
		const device = this.device();
		if (device) {
			body.device = device;
		}
		return body;
	}

	// ---- login ----

	/**
	 * Log in silently when there is no stored session; resolve with the session. What app.js calls at launch.
	 */
	ensureLogin() {
		return this.exclusive('login', () => this.session || this.loginNow());
	}

	/** Log in with a fresh wx.login() code; one at a time, a second call joins the first. */
	login() {
		return this.exclusive('login', () => this.loginNow());
	}

	async loginNow() {
		const hadSession = this.session !== null;
		let reply = await this.sendLogin();
		// The code may have expired or been used already: a fresh one, once
		if (!isOk(reply) && errorOf(reply, this.now()).code === ErrorCode.INVALID_CODE) {
			reply = await this.sendLogin();
		}
		if (!isOk(reply)) {
			const error = errorOf(reply, this.now());
			if (hadSession && ENDING_CODES.indexOf(error.code) >= 0) {
				this.end(error.reason || error.code, error.code);
			}
			throw error;
		}
		return this.afterLogin(reply.data, 'login');
	}

	afterLogin(tokens, method) {
		const session = this.keep(tokens);
		const newUser = Boolean(tokens.newUser);
		this.emit('loggedIn', { user: session.user, phoneBound: session.phoneBound, newUser, method });
		return Object.assign({ newUser }, session);
	}

	sendLogin() {
		return this.sendRetrying({ path: this.basePath + '/login', method: 'POST' },
			async () => this.withApp({ code: await this.loginCode() }));
	}

	/**
	 * Log in with the phone number: the getPhoneNumber button's event (or its code) and a fresh wx.login()
	 * code, to the account that owns the number. Resolves with the session and newUser.
	 */
	async loginWithPhone(eventOrCode) {
		const phoneCode = phoneCodeOf(eventOrCode);
		return this.exclusive(null, async () => {
			let reply = await this.sendPhoneLogin(phoneCode);
			// The login code is exchanged first: refused, the phone code is unused and goes again with a fresh one
			if (!isOk(reply) && errorOf(reply, this.now()).code === ErrorCode.INVALID_CODE) {
				reply = await this.sendPhoneLogin(phoneCode);
			}
			if (!isOk(reply)) {
				this.fail(reply);
			}
			return this.afterLogin(reply.data, 'phone');
		});
	}

	sendPhoneLogin(phoneCode) {
		return this.sendRetrying({ path: this.basePath + '/login/phone', method: 'POST' },
			async () => this.withApp({ loginCode: await this.loginCode(), phoneCode }));
	}

	// ---- renewal ----

	/**
	 * New tokens: the refresh token traded, or a silent login when it is refused for a reason that allows
	 * it. Pass the access token a refused request carried: when the stored one is already another, a renewal
	 * finished since, and its tokens serve.
	 */
	refresh(refusedAccessToken) {
		return this.exclusive('refresh', () => this.refreshNow(refusedAccessToken));
	}

	async refreshNow(refusedAccessToken) {
		const current = this.session;
		if (current && refusedAccessToken && current.accessToken !== refusedAccessToken) {
			return current;
		}
		if (!current) {
			throw new WxLoginError(ClientErrorCode.NOT_LOGGED_IN, 'logged out');
		}
		if (current.refreshExpiresAt !== undefined && current.refreshExpiresAt <= this.now()) {
			return this.loginNow();
		}
		const request = { path: this.basePath + '/token/refresh', method: 'POST', data: { refreshToken: current.refreshToken } };
		let reply;
		try {
			reply = await this.sendRetrying(request);
		}
		catch (error) {
			// No reply: offline, or the reply was lost after the back end rotated the token. Once more with the
			// same token: within the reuse interval the back end answers with the same successor
			reply = await this.sendRetrying(request);
		}
		if (isOk(reply)) {
			return this.keep(reply.data);
		}
		const error = errorOf(reply, this.now());
		if (reply.statusCode === 401 || ENDING_CODES.indexOf(error.code) >= 0) {
			if (ENDING_CODES.indexOf(error.code) >= 0 || !isRenewable(error.reason)) {
				this.end(error.reason || error.code, error.code);
				throw error;
			}
			return this.loginNow();
		}
		throw error;
	}

	/** The session to send a request with: after any renewal in flight, logged in, and not about to expire. */
	async authorized() {
		await this.tail;
		const current = this.session;
		if (!current && this.endedBy) {
			throw new WxLoginError(ClientErrorCode.NOT_LOGGED_IN, 'logged out (' + this.endedBy + '): call login()',
				{ reason: this.endedBy });
		}
		if (!current) {
			return this.login();
		}
		const ahead = Math.min(this.refreshAhead, (current.expiresIn || 0) / 2) * 1000;
		if (current.expiresAt - ahead > this.now()) {
			return current;
		}
		try {
			return await this.refresh(current.accessToken);
		}
		catch (error) {
			// Offline: an access token that has not expired yet may still serve
			if (error.code === ClientErrorCode.NETWORK_ERROR && current.expiresAt > this.now() && this.session) {
				return this.session;
			}
			throw error;
		}
	}

	// ---- requests ----

	/**
	 * Call the back end (or the host's own API) with the Bearer token and resolve with the reply's body.
	 * A 401 renews the tokens once and sends again; 429 and 503 wait for their Retry-After. Rejects with a
	 * WxLoginError.
	 */
	async request(options) {
		const reply = await this.authorizedReply((accessToken) => this.sendRetrying(Object.assign({}, options, { accessToken })));
		if (!isOk(reply)) {
			this.fail(reply);
		}
		return reply.data;
	}

	/** Send with the token; on a 401, renew (once) and send again. Resolves with the last reply. */
	async authorizedReply(sendWith) {
		const current = await this.authorized();
		const reply = await sendWith(current.accessToken);
		if (reply.statusCode !== 401) {
			return reply;
		}
		const error = errorOf(reply, this.now());
		if (!isRenewable(error.reason)) {
			this.end(error.reason, error.code);
			throw error;
		}
		const renewed = await this.refresh(current.accessToken);
		return sendWith(renewed.accessToken);
	}

	/** The caller's account: GET {base}/me. */
	async me() {
		return this.updateUser(await this.request({ path: this.basePath + '/me' }));
	}

	/** Save the nickname and/or avatar URL: PUT {base}/profile. Resolves with the user. */
	async saveProfile(profile) {
		return this.updateUser(await this.request({ path: this.basePath + '/profile', method: 'PUT', data: profile }));
	}

	/**
	 * Bind the number of the getPhoneNumber button (its event or code) to the caller: POST {base}/phone. For an
	 * account that has a phone already: one without signs in with loginWithPhone.
	 */
	async bindPhone(eventOrCode) {
		const data = { code: phoneCodeOf(eventOrCode) };
		const phone = await this.request({ path: this.basePath + '/phone', method: 'POST', data });
		this.updateStored((current) => ({
			phoneBound: true,
			user: Object.assign({}, current.user, { phoneNumber: phone.phoneNumber }),
		}));
		return phone;
	}

	/**
	 * Save the profile that wx.getUserProfile gave (older clients): POST {base}/profile/wechat. On
	 * session_key_expired the client logs in again (a new session key) and rejects: ask the user once more.
	 */
	async saveWeChatProfile(result) {
		const data = { rawData: result.rawData, signature: result.signature, encryptedData: result.encryptedData, iv: result.iv };
		try {
			return this.updateUser(await this.request({ path: this.basePath + '/profile/wechat', method: 'POST', data }));
		}
		catch (error) {
			if (error.code === ErrorCode.SESSION_KEY_EXPIRED) {
				await this.login();
			}
			throw error;
		}
	}

	/**
	 * Upload the avatar chosen with <button open-type="chooseAvatar"> (its temporary path) to POST
	 * {base}/profile/avatar, which keeps it and sets it as the user's avatar. Resolves with {avatarUrl,
	 * checking}, the URL absolute.
	 */
	async uploadAvatar(tempFilePath) {
		const url = this.url(this.basePath + '/profile/avatar');
		const reply = await this.authorizedReply((accessToken) => this.uploadRetrying(url, tempFilePath, accessToken));
		if (!isOk(reply)) {
			this.fail(reply);
		}
		const body = jsonBody(reply);
		const avatarUrl = this.absoluteUrl(body.avatarUrl);
		this.updateUser({ avatarUrl });
		return { avatarUrl, checking: Boolean(body.checking) };
	}

	async uploadRetrying(url, filePath, accessToken) {
		for (let attempt = 0; ; attempt++) {
			let reply;
			try {
				reply = await this.platform.upload({ url, filePath, name: 'file', header: { Authorization: 'Bearer ' + accessToken } });
			}
			catch (failure) {
				throw networkError(failure);
			}
			const wait = this.retryDelay(reply, attempt);
			if (wait === undefined) {
				return reply;
			}
			await this.sleep(wait * 1000);
		}
	}

	/** The caller's sessions, this one marked current: GET {base}/sessions. */
	sessions() {
		return this.request({ path: this.basePath + '/sessions' });
	}

	/** End another session of the caller: DELETE {base}/sessions/{id}. */
	async endSession(id) {
		await this.request({ path: this.basePath + '/sessions/' + encodeURIComponent(id), method: 'DELETE' });
	}

	/**
	 * Log out here, or everywhere with {everywhere: true}: POST {base}/logout. The stored session is
	 * forgotten whatever the back end answers (it may be unreachable); loggedOut fires.
	 */
	logout(options) {
		const everywhere = Boolean(options && options.everywhere);
		return this.exclusive(null, async () => {
			const current = this.session;
			if (!current) {
				return;
			}
			const data = everywhere ? { refreshToken: current.refreshToken, all: true } : { refreshToken: current.refreshToken };
			this.end(everywhere ? LogoutReason.LOGGED_OUT_EVERYWHERE : LogoutReason.LOGGED_OUT);
			const reply = await this.send({ path: this.basePath + '/logout', method: 'POST', data, accessToken: current.accessToken })
				.catch(() => null);
			// Logging out everywhere must reach the back end: the other devices are not told otherwise
			if (everywhere && (!reply || !isOk(reply))) {
				throw reply ? errorOf(reply, this.now())
					: new WxLoginError(ClientErrorCode.NETWORK_ERROR, 'logout did not reach the back end');
			}
		});
	}

	/**
	 * Delete the account: DELETE {base}/me. Every session ends; loggedOut fires with account_deleted.
	 * Resolves with the reply ({deletionScheduledAt}), or null when deleted at once.
	 */
	async deleteAccount() {
		const reply = await this.request({ path: this.basePath + '/me', method: 'DELETE' });
		this.end(SessionEndReason.ACCOUNT_DELETED);
		return reply || null;
	}

}

function phoneCodeOf(eventOrCode) {
	const code = (typeof eventOrCode === 'string') ? eventOrCode
		: (eventOrCode && eventOrCode.detail && eventOrCode.detail.code);
	if (!code) {
		const errMsg = eventOrCode && eventOrCode.detail && eventOrCode.detail.errMsg;
		throw new WxLoginError(ClientErrorCode.PHONE_NOT_SHARED, errMsg || 'the phone number was not shared');
	}
	return code;
}

/**
 * Create a client of a wxlogin back end on one platform.
 */
function createClient(options) {
	return new WxLoginClient(options);
}

module.exports = { WxLoginClient, createClient };
