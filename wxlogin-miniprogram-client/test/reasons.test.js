'use strict';
// What the client does with the `reason` of a 401 or of a refused refresh. The sample app gives none yet,
// so a scripted back end answers here: each reply is written out in the test.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { createClient, SessionEndReason, ErrorCode, ClientErrorCode, isRenewable } = require('../lib/index');

const TOKENS = {
	accessToken: 'access-1', tokenType: 'Bearer', expiresIn: 7200, refreshToken: 'refresh-1', refreshExpiresIn: 2592000,
	newUser: false, phoneBound: false, user: { id: '1', openid: 'o-1', createdAt: '2026-01-01T00:00:00Z' },
};

function problem(status, code, reason) {
	return { statusCode: status, header: { 'Content-Type': 'application/problem+json' }, data: { status, code, reason } };
}

/**
 * A platform whose back end answers each path from a script: a list of replies per "METHOD path".
 */
function scripted(script) {
	const storage = new Map();
	const calls = [];
	return {
		calls,
		request: async ({ url, method }) => {
			const call = method + ' ' + url.replace('https://api.example.com', '');
			calls.push(call);
			const replies = script[call];
			assert.ok(replies && replies.length > 0, 'no reply scripted for ' + call);
			return replies.length > 1 ? replies.shift() : replies[0];
		},
		upload: async () => assert.fail('no upload here'),
		login: async () => 'code',
		getStorage: (key) => (storage.has(key) ? storage.get(key) : ''),
		setStorage: (key, value) => storage.set(key, value),
		removeStorage: (key) => storage.delete(key),
		deviceInfo: () => undefined,
	};
}

async function loggedIn(script) {
	const platform = scripted(Object.assign({ 'POST /wx/login': [{ statusCode: 200, data: TOKENS }] }, script));
	const client = createClient({ baseUrl: 'https://api.example.com', platform });
	const events = [];
	client.on('loggedOut', (event) => events.push(event));
	await client.login();
	platform.calls.length = 0;
	return { client, platform, events };
}

for (const reason of ['session_ended', 'session_replaced', 'session_revoked', 'account_deleted', 'reuse_detected']) {
	test('a 401 with reason ' + reason + ' logs out with it, without a refresh or a new login', async () => {
		const { client, platform, events } = await loggedIn({ 'GET /api/hello': [problem(401, 'unauthorized', reason)] });

		await assert.rejects(client.request({ path: '/api/hello' }), { code: ErrorCode.UNAUTHORIZED, reason });

		assert.deepEqual(events, [{ reason, code: ErrorCode.UNAUTHORIZED }]);
		assert.deepEqual(platform.calls, ['GET /api/hello']);
		await assert.rejects(client.request({ path: '/api/hello' }), { code: ClientErrorCode.NOT_LOGGED_IN, reason });
	});
}

test('a 401 with reason expired is renewed by a refresh', async () => {
	const renewed = Object.assign({}, TOKENS, { accessToken: 'access-2', refreshToken: 'refresh-2' });
	const { client, platform, events } = await loggedIn({
		'GET /api/hello': [problem(401, 'unauthorized', 'expired'), { statusCode: 200, data: { message: 'hello' } }],
		'POST /wx/token/refresh': [{ statusCode: 200, data: renewed }],
	});

	assert.deepEqual(await client.request({ path: '/api/hello' }), { message: 'hello' });

	assert.deepEqual(platform.calls, ['GET /api/hello', 'POST /wx/token/refresh', 'GET /api/hello']);
	assert.equal(client.session.accessToken, 'access-2');
	assert.deepEqual(events, []);
});

test('a refresh refused with reason session_replaced logs out with it', async () => {
	const { client, platform, events } = await loggedIn({
		'GET /api/hello': [problem(401, 'unauthorized')],
		'POST /wx/token/refresh': [problem(401, 'invalid_refresh_token', 'session_replaced')],
	});

	await assert.rejects(client.request({ path: '/api/hello' }), { code: ErrorCode.INVALID_REFRESH_TOKEN, reason: 'session_replaced' });

	assert.deepEqual(events, [{ reason: 'session_replaced', code: ErrorCode.INVALID_REFRESH_TOKEN }]);
	assert.deepEqual(platform.calls, ['GET /api/hello', 'POST /wx/token/refresh']);
	assert.equal(client.session, null);
});

test('a refresh refused with reason idle_timeout gives way to a silent login', async () => {
	const { client, platform, events } = await loggedIn({
		'GET /api/hello': [problem(401, 'unauthorized'), { statusCode: 200, data: { message: 'hello' } }],
		'POST /wx/token/refresh': [problem(401, 'invalid_refresh_token', 'idle_timeout')],
	});

	await client.request({ path: '/api/hello' });

	assert.deepEqual(platform.calls, ['GET /api/hello', 'POST /wx/token/refresh', 'POST /wx/login', 'GET /api/hello']);
	assert.deepEqual(events, []);
});

test('a second 401 for the same request is the caller\'s: renewed at most once', async () => {
	const { client, platform } = await loggedIn({
		'GET /api/hello': [problem(401, 'unauthorized')],
		'POST /wx/token/refresh': [{ statusCode: 200, data: TOKENS }],
	});

	await assert.rejects(client.request({ path: '/api/hello' }), { code: ErrorCode.UNAUTHORIZED, status: 401 });

	assert.deepEqual(platform.calls, ['GET /api/hello', 'POST /wx/token/refresh', 'GET /api/hello']);
});

test('a reply that is not the back end\'s problem is an http_error with its status', async () => {
	const { client } = await loggedIn({ 'GET /api/hello': [{ statusCode: 502, data: '<html>Bad Gateway</html>', header: {} }] });

	await assert.rejects(client.request({ path: '/api/hello' }), { code: ClientErrorCode.HTTP_ERROR, status: 502 });
});

test('Retry-After as an HTTP date is read too', async () => {
	const waits = [];
	const now = Date.parse('2026-01-01T00:00:00Z');
	const platform = scripted({
		'POST /wx/login': [
			{ statusCode: 503, header: { 'Retry-After': 'Thu, 01 Jan 2026 00:00:03 GMT' }, data: { code: 'store_unavailable' } },
			{ statusCode: 200, data: TOKENS },
		],
	});
	const client = createClient({ baseUrl: 'https://api.example.com', platform, now: () => now, sleep: async (ms) => waits.push(ms) });

	await client.login();

	assert.deepEqual(waits, [3000]);
});

test('every reason the back end names is exported, and which of them the client renews by itself', () => {
	assert.deepEqual(Object.values(SessionEndReason).filter(isRenewable), ['expired', 'account_merged', 'idle_timeout']);
	assert.equal(isRenewable(undefined), true, 'an older back end gives no reason');
});
