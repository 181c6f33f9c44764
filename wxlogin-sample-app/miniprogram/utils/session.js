// The login state: tokens and user kept in storage, silent login with wx.login(), and renewal when the
// access token stops working (refresh once, else log in again).
const { ApiError, send, isOk } = require('./http');

const STORAGE_KEY = 'wxlogin.session';

// Shared while it runs, so that many requests refused at once renew the tokens only once
let renewal = null;

function current() {
	return wx.getStorageSync(STORAGE_KEY) || null;
}

// phoneBound: whether the account has a phone, so that the page shows the (paid) phone button only when not
function keep(tokens) {
	const session = {
		accessToken: tokens.accessToken,
		refreshToken: tokens.refreshToken,
		user: tokens.user,
		phoneBound: Boolean(tokens.phoneBound),
	};
	wx.setStorageSync(STORAGE_KEY, session);
	return session;
}

function forget() {
	wx.removeStorageSync(STORAGE_KEY);
}

function updateUser(user) {
	const session = current();
	if (session) {
		session.user = { ...session.user, ...user };
		wx.setStorageSync(STORAGE_KEY, session);
	}
	return session && session.user;
}

// After the phone was bound through POST /wx/phone
function markPhoneBound() {
	const session = current();
	if (session) {
		session.phoneBound = true;
		wx.setStorageSync(STORAGE_KEY, session);
	}
}

/**
 * The device a login names, shown in the session list: wx.getDeviceInfo(), or wx.getSystemInfoSync() on
 * clients before it; none when neither answers.
 */
function device() {
	try {
		const info = (typeof wx.getDeviceInfo === 'function') ? wx.getDeviceInfo() : wx.getSystemInfoSync();
		return { model: info.model, platform: info.platform, system: info.system };
	}
	catch (error) {
		return undefined;
	}
}

function wxLoginCode() {
	return new Promise((resolve, reject) => {
		wx.login({
			success: (result) => (result.code ? resolve(result.code) : reject(new Error(result.errMsg))),
			fail: (error) => reject(new Error(error.errMsg || 'wx.login failed')),
		});
	});
}

/**
 * Log in silently: wx.login() gives a one-time code, the back end exchanges it for our own tokens.
 * Each wx.login() also renews WeChat's session key on the server, which the older encrypted-data
 * calls need.
 */
async function login() {
	const code = await wxLoginCode();
	const reply = await send({ path: '/wx/login', method: 'POST', data: { code, device: device() } });
	if (!isOk(reply)) {
		throw new ApiError(reply);
	}
	return keep(reply.data);
}

/**
 * Log in with the phone number (手机号快捷登录): the code of <button open-type="getPhoneNumber"> and a fresh
 * wx.login() code, to the account that owns the number. Resolve with the session and whether the account is
 * new. Reject with an ApiError whose code says what went
 * wrong: identity_conflict, account_disabled, invalid_code (both tries refused), ...
 * @param {string} phoneCode the button's code
 */
async function loginWithPhone(phoneCode) {
	let reply = await sendPhoneLogin(phoneCode);
	// The back end exchanges the login code first: when WeChat refused it (expired, used), the phone code is
	// still unused, so it goes once more with a fresh login code
	if (!isOk(reply) && new ApiError(reply).code === 'invalid_code') {
		reply = await sendPhoneLogin(phoneCode);
	}
	if (!isOk(reply)) {
		throw new ApiError(reply);
	}
	// newUser: the phone login made the account (no silent login had)
	return { ...keep(reply.data), newUser: Boolean(reply.data.newUser) };
}

async function sendPhoneLogin(phoneCode) {
	const loginCode = await wxLoginCode();
	return send({ path: '/wx/login/phone', method: 'POST', data: { loginCode, phoneCode, device: device() } });
}

/**
 * Trade the refresh token for new tokens; null when there is none or the back end refuses it.
 */
async function refresh() {
	const session = current();
	if (!session || !session.refreshToken) {
		return null;
	}
	const reply = await send({
		path: '/wx/token/refresh',
		method: 'POST',
		data: { refreshToken: session.refreshToken },
	});
	if (reply.statusCode === 401) {
		return null;
	}
	if (!isOk(reply)) {
		throw new ApiError(reply);
	}
	return keep(reply.data);
}

/**
 * New tokens after the access token was refused: refreshed, or from a new login when that fails.
 * @param {string} [refusedAccessToken] the token the refused request carried: when the stored one is
 * already another, an earlier renewal has finished since that request was sent, and its tokens serve
 */
function renew(refusedAccessToken) {
	const stored = current();
	if (!renewal && refusedAccessToken && stored && stored.accessToken !== refusedAccessToken) {
		return Promise.resolve(stored);
	}
	if (!renewal) {
		renewal = refresh()
			.then((session) => session || login())
			.finally(() => {
				renewal = null;
			});
	}
	return renewal;
}

/**
 * Log out: the back end revokes both tokens; the stored session goes whatever it answers.
 */
async function logout() {
	const session = current();
	forget();
	if (session) {
		await send({
			path: '/wx/logout',
			method: 'POST',
			data: { refreshToken: session.refreshToken },
			accessToken: session.accessToken,
		}).catch(() => null);
	}
}

module.exports = {
	current,
	login,
	loginWithPhone,
	refresh,
	renew,
	logout,
	forget,
	updateUser,
	markPhoneBound,
	device,
	STORAGE_KEY,
};
