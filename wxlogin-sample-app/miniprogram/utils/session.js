// The login state: tokens and user kept in storage, silent login with wx.login(), and renewal when the
// access token stops working (refresh once, else log in again).
const { ApiError, send, isOk } = require('./http');

const STORAGE_KEY = 'wxlogin.session';

// Shared while it runs, so that many requests refused at once renew the tokens only once
let renewal = null;

function current() {
	return wx.getStorageSync(STORAGE_KEY) || null;
}

function keep(tokens) {
	const session = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, user: tokens.user };
	wx.setStorageSync(STORAGE_KEY, session);
	return session;
}

function updateUser(user) {
	const session = current();
	if (session) {
		session.user = { ...session.user, ...user };
		wx.setStorageSync(STORAGE_KEY, session);
	}
	return session && session.user;
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
	const reply = await send({ path: '/wx/login', method: 'POST', data: { code } });
	if (!isOk(reply)) {
		throw new ApiError(reply);
	}
	return keep(reply.data);
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
	wx.removeStorageSync(STORAGE_KEY);
	if (session) {
		await send({
			path: '/wx/logout',
			method: 'POST',
			data: { refreshToken: session.refreshToken },
			accessToken: session.accessToken,
		}).catch(() => null);
	}
}

module.exports = { current, login, refresh, renew, logout, updateUser, STORAGE_KEY };
