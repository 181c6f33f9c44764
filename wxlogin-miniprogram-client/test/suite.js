'use strict';
// The suite every adapter passes, against the sample app in demo mode.
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const { Phone, uniqueOpenid, uniquePhoneNumber, refreshStatus, loginOnAnotherPhone } = require('./stand-ins/phone');
const { wxStandIn, uniStandIn, taroStandIn } = require('./stand-ins/platforms');
const control = require('./stand-ins/control');
const { baseUrl } = require('./stand-ins/phone');
const { createWxClient } = require('../lib/wx');
const { createUniClient } = require('../lib/uni');
const { createTaroClient } = require('../lib/taro');
const { ErrorCode, ClientErrorCode, LogoutReason } = require('../lib/index');

const ADAPTERS = {
	wx: (phone, options) => createWxClient(Object.assign({ wx: wxStandIn(phone) }, options)),
	uni: (phone, options) => createUniClient(Object.assign({ uni: uniStandIn(phone) }, options)),
	taro: (phone, options) => createTaroClient(Object.assign({ Taro: taroStandIn(phone) }, options)),
};

function masked(phoneNumber) {
	return phoneNumber.slice(0, 3) + '****' + phoneNumber.slice(7);
}

function count(calls, call) {
	return calls.filter((each) => each === call).length;
}

/**
 * A phone with the mini program open: its client, a clock the test moves, the waits the client asked
 * for, and the events it sent.
 */
function open(adapter, name, options) {
	const phone = new Phone(uniqueOpenid(adapter + '-' + name));
	let clockSkip = 0;
	const waits = [];
	const events = [];
	const client = ADAPTERS[adapter](phone, Object.assign({
		baseUrl,
		now: () => Date.now() + clockSkip,
		sleep: async (milliseconds) => {
			waits.push(milliseconds);
			// WeChat has recovered by the time the client tries again
			await control.resetWeChat();
		},
	}, options));
	client.on('loggedIn', (event) => events.push(['loggedIn', event]));
	client.on('loggedOut', (event) => events.push(['loggedOut', event]));
	return {
		phone,
		client,
		waits,
		events,
		skip: (seconds) => {
			clockSkip += seconds * 1000;
		},
		// What a stolen or corrupted token looks like to the back end: it refuses it
		spoilAccessToken() {
			phone.setStorage('wxlogin.session', Object.assign(client.session, { accessToken: 'spoiled' }));
		},
	};
}

function suite(adapter) {
	describe(adapter, () => {
		test('logs in silently at launch, naming the device, and keeps the session for the next launch', async () => {
			const { phone, client, events } = open(adapter, 'launch');

			const session = await client.ensureLogin();
			await client.ensureLogin();

			assert.equal(session.user.openid, phone.openid);
			assert.equal(client.phoneBound, false);
			assert.deepEqual(phone.calls, ['POST /wx/login']);
			assert.deepEqual(events.map(([name, event]) => [name, event.method, event.newUser]), [['loggedIn', 'login', true]]);
			const sessions = await client.sessions();
			assert.deepEqual(sessions.map((each) => each.device), [{ model: 'Mate 60', platform: 'android', system: 'HarmonyOS 4.0' }]);
		});

		test('requests sent before the login wait for it, and one login serves them all', async () => {
			const { phone, client } = open(adapter, 'before-login');

			const replies = await Promise.all([1, 2, 3].map(() => client.request({ path: '/api/hello' })));

			assert.deepEqual(replies.map((reply) => reply.openid), [phone.openid, phone.openid, phone.openid]);
			assert.equal(count(phone.calls, 'POST /wx/login'), 1);
		});

		test('ten requests refused at once renew the tokens once', async () => {
			const { phone, client, spoilAccessToken } = open(adapter, 'ten');
			await client.ensureLogin();
			const before = client.session;
			spoilAccessToken();
			phone.calls.length = 0;

			const replies = await Promise.all(Array.from({ length: 10 }, () => client.request({ path: '/api/hello' })));

			assert.equal(replies.length, 10);
			assert.ok(replies.every((reply) => reply.openid === phone.openid));
			assert.equal(count(phone.calls, 'POST /wx/token/refresh'), 1);
			assert.equal(count(phone.calls, 'POST /wx/login'), 0);
			assert.equal(count(phone.calls, 'GET /api/hello'), 20);
			assert.notEqual(client.session.refreshToken, before.refreshToken);
		});

		test('a refusal that arrives after the renewal uses the new tokens without refreshing again', async () => {
			const { phone, client, spoilAccessToken } = open(adapter, 'late');
			await client.ensureLogin();
			spoilAccessToken();
			await client.request({ path: '/api/hello' });
			const renewed = client.session;
			phone.calls.length = 0;

			const late = await client.refresh('spoiled');

			assert.equal(late.accessToken, renewed.accessToken);
			assert.deepEqual(phone.calls, []);
		});

		test('a token about to expire is refreshed before the request, from expiresIn', async () => {
			const { phone, client, skip } = open(adapter, 'ahead');
			const session = await client.ensureLogin();
			phone.calls.length = 0;

			skip(session.expiresIn - 60);
			await client.request({ path: '/api/hello' });

			assert.deepEqual(phone.calls, ['POST /wx/token/refresh', 'GET /api/hello']);
			assert.notEqual(client.session.accessToken, session.accessToken);
		});

		test('a refresh while offline fails the request and keeps the session; back online, it renews', async () => {
			const { phone, client, skip } = open(adapter, 'offline');
			const session = await client.ensureLogin();
			skip(session.expiresIn + 1);
			phone.online = false;

			await assert.rejects(client.request({ path: '/api/hello' }), { code: ClientErrorCode.NETWORK_ERROR });

			assert.equal(client.session.refreshToken, session.refreshToken, 'still logged in');
			phone.online = true;
			phone.calls.length = 0;
			const hello = await client.request({ path: '/api/hello' });
			assert.equal(hello.openid, phone.openid);
			assert.deepEqual(phone.calls, ['POST /wx/token/refresh', 'GET /api/hello']);
		});

		test('offline, a token that has not expired yet still serves when the early refresh fails', async () => {
			const { phone, client, skip } = open(adapter, 'offline-early');
			const session = await client.ensureLogin();
			skip(session.expiresIn - 60);
			phone.online = false;
			await assert.rejects(client.request({ path: '/api/hello' }), { code: ClientErrorCode.NETWORK_ERROR });
			assert.equal(client.session.accessToken, session.accessToken);
		});

		test('a lost refresh reply is asked again with the same token, and the back end gives the same successor', async () => {
			const { phone, client, spoilAccessToken, events } = open(adapter, 'lost');
			await client.ensureLogin();
			spoilAccessToken();
			phone.calls.length = 0;
			phone.lostReplies.push('/wx/token/refresh');

			const hello = await client.request({ path: '/api/hello' });

			assert.equal(hello.openid, phone.openid);
			assert.deepEqual(phone.calls, ['GET /api/hello', 'POST /wx/token/refresh', 'POST /wx/token/refresh', 'GET /api/hello']);
			assert.equal(await refreshStatus(client.session.refreshToken), 200, 'the session goes on: no reuse detected');
			assert.deepEqual(events.map(([name]) => name), ['loggedIn']);
		});

		test('a disabled account is logged out, with the reason, and not logged in again by itself', async () => {
			const { phone, client, events } = open(adapter, 'disabled');
			const session = await client.ensureLogin();

			await control.disableAccount(session.user.id);
			// Disabling ends the account's sessions: its access token is refused, saying why
			await assert.rejects(client.request({ path: '/api/hello' }),
				{ code: ErrorCode.UNAUTHORIZED, status: 401, reason: 'account_disabled' });

			assert.equal(client.session, null);
			assert.deepEqual(events.slice(1), [['loggedOut', { reason: 'account_disabled', code: ErrorCode.UNAUTHORIZED }]]);
			phone.calls.length = 0;
			await assert.rejects(client.request({ path: '/api/hello' }), { code: ClientErrorCode.NOT_LOGGED_IN, reason: 'account_disabled' });
			assert.deepEqual(phone.calls, []);
			await assert.rejects(client.login(), { code: ErrorCode.ACCOUNT_DISABLED });
		});

		test('a refused refresh token gives way to a silent login', async () => {
			const { phone, client, events } = open(adapter, 'relogin');
			const session = await client.ensureLogin();
			phone.setStorage('wxlogin.session', Object.assign(client.session, { accessToken: 'spoiled', refreshToken: 'spent' }));
			phone.calls.length = 0;

			const hello = await client.request({ path: '/api/hello' });

			assert.equal(hello.userId, session.user.id);
			assert.deepEqual(phone.calls, ['GET /api/hello', 'POST /wx/token/refresh', 'POST /wx/login', 'GET /api/hello']);
			assert.deepEqual(events.map(([name]) => name), ['loggedIn', 'loggedIn']);
		});

		test('a phone login tapped during the silent login waits for it, and its session is the one kept', async () => {
			const { phone, client } = open(adapter, 'both');
			const phoneNumber = uniquePhoneNumber();
			const event = await phone.phoneButtonEvent(phoneNumber);

			const [silent, byPhone] = await Promise.all([client.ensureLogin(), client.loginWithPhone(event), client.login()]);

			assert.deepEqual(phone.calls, ['POST /wx/login', 'POST /wx/login/phone']);
			assert.equal(byPhone.user.id, silent.user.id);
			assert.equal(client.session.accessToken, byPhone.accessToken);
			assert.equal(client.phoneBound, true);
			assert.equal(client.user.phoneNumber, masked(phoneNumber));
		});

		test('a login asked for while a refresh runs comes after it, and requests wait for both', async () => {
			const { phone, client } = open(adapter, 'refresh-then-login');
			await client.ensureLogin();
			phone.calls.length = 0;

			const [, , hello] = await Promise.all([client.refresh(), client.login(), client.request({ path: '/api/hello' })]);

			assert.deepEqual(phone.calls, ['POST /wx/token/refresh', 'POST /wx/login', 'GET /api/hello']);
			assert.equal(hello.openid, phone.openid);
		});

		test('a new user signs in with the phone number when the silent login failed', async () => {
			const { phone, client, events } = open(adapter, 'phone-first');
			phone.staleLoginCodes.push('expired-1', 'expired-2');
			await assert.rejects(client.ensureLogin(), { code: ErrorCode.INVALID_CODE });
			const phoneNumber = uniquePhoneNumber();

			const session = await client.loginWithPhone(await phone.phoneButtonEvent(phoneNumber));

			assert.equal(session.newUser, true);
			assert.equal(session.user.phoneNumber, masked(phoneNumber));
			assert.deepEqual(events.map(([name, event]) => [name, event.method]), [['loggedIn', 'phone']]);
		});

		test('an expired login code is replaced once by a fresh one, in a login and in a phone login', async () => {
			const { phone, client } = open(adapter, 'stale');
			phone.staleLoginCodes.push('expired');
			await client.login();
			const event = await phone.phoneButtonEvent(uniquePhoneNumber());
			phone.staleLoginCodes.push('expired');

			await client.loginWithPhone(event);

			assert.deepEqual(phone.calls, ['POST /wx/login', 'POST /wx/login', 'POST /wx/login/phone', 'POST /wx/login/phone']);
			assert.equal(client.phoneBound, true);
		});

		test('a declined phone button sends nothing', async () => {
			const { phone, client } = open(adapter, 'declined');

			await assert.rejects(client.loginWithPhone({ detail: { errMsg: 'getPhoneNumber:fail user deny' } }),
				{ code: ClientErrorCode.PHONE_NOT_SHARED, message: 'getPhoneNumber:fail user deny' });
			assert.deepEqual(phone.calls, []);
		});

		test('an account that has a phone binds another with the phone button', async () => {
			const { phone, client } = open(adapter, 'bind');
			await client.loginWithPhone(await phone.phoneButtonEvent(uniquePhoneNumber()));
			const other = uniquePhoneNumber();

			const bound = await client.bindPhone(await phone.phoneButtonEvent(other));

			assert.equal(bound.purePhoneNumber, other);
			assert.equal(client.user.phoneNumber, other);
		});

		test('429 waits for its Retry-After and tries again with a fresh code', async () => {
			const { phone, client, waits } = open(adapter, 'rate', { retry: { maxDelay: 120 } });
			await control.failLogins('errcode:45011', 1);

			await client.login();

			assert.equal(waits.length, 1);
			assert.ok(waits[0] > 0, 'the Retry-After of the 429');
			assert.deepEqual(phone.calls, ['POST /wx/login', 'POST /wx/login']);
		});

		test('429 with a Retry-After longer than the client waits is the caller\'s, with its Retry-After', async () => {
			const { phone, client, waits } = open(adapter, 'rate-long', { retry: { maxDelay: 1 } });
			await control.failLogins('errcode:45011', 1);
			try {
				await assert.rejects(client.login(), (error) => error.code === ErrorCode.RATE_LIMITED && error.status === 429 && error.retryAfter > 1);
			}
			finally {
				await control.resetWeChat();
			}
			assert.deepEqual(waits, []);
			assert.deepEqual(phone.calls, ['POST /wx/login']);
		});

		test('503 waits for its Retry-After and tries again', async () => {
			const { phone, client, waits } = open(adapter, 'busy');
			await control.failLogins('busy', 10);

			await client.login();

			assert.equal(waits.length, 1);
			assert.ok(waits[0] > 0, 'the Retry-After of the 503');
			assert.deepEqual(phone.calls, ['POST /wx/login', 'POST /wx/login']);
		});

		test('503 again after the retry is the caller\'s, with its Retry-After', async () => {
			const phone = new Phone(uniqueOpenid(adapter + '-busy-twice'));
			const client = ADAPTERS[adapter](phone, { baseUrl, sleep: async () => undefined });
			await control.failLogins('busy', 20);
			try {
				await assert.rejects(client.login(), (error) => error.code === ErrorCode.WECHAT_UNAVAILABLE && error.status === 503 && error.retryAfter > 0);
			}
			finally {
				await control.resetWeChat();
			}
		});

		test('the avatar chosen is uploaded and the nickname saved', async () => {
			const { phone, client } = open(adapter, 'avatar');
			await client.ensureLogin();

			const avatar = await client.uploadAvatar('wxfile://tmp_avatar.png');
			const user = await client.saveProfile({ nickname: 'Xiao Hong' });

			assert.ok(phone.calls.includes('UPLOAD wxfile://tmp_avatar.png /wx/profile/avatar'));
			assert.match(avatar.avatarUrl, /^http.*\/wx\/avatars\/[0-9a-f]{80}\.png$/);
			assert.equal(user.nickname, 'Xiao Hong');
			assert.equal(user.avatarUrl, avatar.avatarUrl);
			assert.equal(client.user.avatarUrl, avatar.avatarUrl);
			const image = await fetch(avatar.avatarUrl);
			assert.equal(image.headers.get('content-type'), 'image/png');
		});

		test('an upload refused for its token renews it once and uploads again', async () => {
			const { phone, client, spoilAccessToken } = open(adapter, 'avatar-401');
			await client.ensureLogin();
			spoilAccessToken();
			phone.calls.length = 0;

			await client.uploadAvatar('wxfile://tmp_avatar.png');

			assert.deepEqual(phone.calls, ['UPLOAD wxfile://tmp_avatar.png /wx/profile/avatar', 'POST /wx/token/refresh',
				'UPLOAD wxfile://tmp_avatar.png /wx/profile/avatar']);
		});

		test('sessions are listed, another device\'s ended, and this one goes on', async () => {
			const { phone, client } = open(adapter, 'sessions');
			await client.ensureLogin();
			const other = await loginOnAnotherPhone(phone.openid);

			const sessions = await client.sessions();
			assert.equal(sessions.length, 2);
			await client.endSession(sessions.find((each) => !each.current).id);

			assert.equal(await refreshStatus(other.refreshToken), 401);
			assert.deepEqual((await client.sessions()).map((each) => each.current), [true]);
		});

		test('logging out here ends this session only and says so', async () => {
			const { phone, client, events } = open(adapter, 'logout');
			const session = await client.ensureLogin();
			const other = await loginOnAnotherPhone(phone.openid);

			await client.logout();

			assert.equal(client.session, null);
			assert.equal(client.loggedIn, false);
			assert.deepEqual(events.slice(1), [['loggedOut', { reason: LogoutReason.LOGGED_OUT, code: undefined }]]);
			assert.equal(await refreshStatus(session.refreshToken), 401);
			assert.equal(await refreshStatus(other.refreshToken), 200);
			await assert.rejects(client.request({ path: '/api/hello' }), { code: ClientErrorCode.NOT_LOGGED_IN });
			await client.login();
			assert.equal(client.loggedIn, true);
		});

		test('logging out everywhere ends every session of the account', async () => {
			const { phone, client, events } = open(adapter, 'everywhere');
			const session = await client.ensureLogin();
			const other = await loginOnAnotherPhone(phone.openid);

			await client.logout({ everywhere: true });

			assert.equal(events[1][1].reason, LogoutReason.LOGGED_OUT_EVERYWHERE);
			assert.equal(await refreshStatus(session.refreshToken), 401);
			assert.equal(await refreshStatus(other.refreshToken), 401);
		});

		test('a session ended from another device: the reason is passed on, or without one the user logs in again', async () => {
			const { phone, client, events } = open(adapter, 'ended');
			const session = await client.ensureLogin();
			const other = await loginOnAnotherPhone(phone.openid);
			const sessions = await fetch(baseUrl + '/wx/sessions', { headers: { Authorization: 'Bearer ' + other.accessToken } }).then((r) => r.json());
			const mine = sessions.find((each) => !each.current);
			await fetch(baseUrl + '/wx/sessions/' + mine.id, { method: 'DELETE', headers: { Authorization: 'Bearer ' + other.accessToken } });

			const outcome = await client.request({ path: '/api/hello' }).then(() => 'renewed', (error) => error);

			if (outcome === 'renewed') {
				// A back end that gives no reason: the client cannot tell, and logs in again
				assert.deepEqual(events.map(([name]) => name), ['loggedIn', 'loggedIn']);
				assert.notEqual(client.session.refreshToken, session.refreshToken);
			}
			else {
				assert.equal(outcome.reason, 'session_ended');
				assert.deepEqual(events[1], ['loggedOut', { reason: 'session_ended', code: outcome.code }]);
			}
		});
	});
}

module.exports = { suite, ADAPTERS };
