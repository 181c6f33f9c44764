const { test } = require('node:test');
const assert = require('node:assert/strict');
const { installWx, loadMiniProgram, uniqueOpenid } = require('./wx-stand-in');
const session = require('../utils/session');
const { request } = require('../utils/request');

const miniProgram = loadMiniProgram();

async function launch(openid) {
	const wx = installWx(openid);
	miniProgram.app.onLaunch();
	await miniProgram.app.ready;
	return wx;
}

test('launching logs the user in silently', async () => {
	const openid = uniqueOpenid('launch');
	const wx = await launch(openid);
	const current = session.current();
	assert.ok(current.accessToken);
	assert.ok(current.refreshToken);
	assert.equal(current.user.openid, openid);
	assert.deepEqual(wx.calls, ['POST /wx/login']);
});

test('the token goes with every request to a protected API', async () => {
	const openid = uniqueOpenid('hello');
	await launch(openid);
	const hello = await request({ path: '/api/hello' });
	assert.equal(hello.openid, openid);
	assert.equal(hello.userId, session.current().user.id);
});

test('a refused access token is refreshed once and the call repeated', async () => {
	const openid = uniqueOpenid('refresh');
	const wx = await launch(openid);
	const before = session.current();
	wx.setStorageSync(session.STORAGE_KEY, { ...before, accessToken: 'garbage' });
	wx.calls.length = 0;

	const hello = await request({ path: '/api/hello' });

	assert.equal(hello.openid, openid);
	assert.deepEqual(wx.calls, ['GET /api/hello', 'POST /wx/token/refresh', 'GET /api/hello']);
	assert.notEqual(session.current().refreshToken, before.refreshToken);
});

test('requests refused together share one refresh', async () => {
	const wx = await launch(uniqueOpenid('together'));
	wx.setStorageSync(session.STORAGE_KEY, { ...session.current(), accessToken: 'garbage' });
	wx.calls.length = 0;

	await Promise.all([request({ path: '/api/hello' }), request({ path: '/api/hello' })]);

	assert.equal(wx.calls.filter((call) => call === 'POST /wx/token/refresh').length, 1);
});

test('a refusal that arrives after the tokens were renewed uses the new tokens without refreshing again', async () => {
	const wx = await launch(uniqueOpenid('late'));
	wx.setStorageSync(session.STORAGE_KEY, { ...session.current(), accessToken: 'garbage' });
	await request({ path: '/api/hello' });
	const renewed = session.current();
	wx.calls.length = 0;

	const late = await session.renew('garbage');

	assert.equal(late.accessToken, renewed.accessToken);
	assert.deepEqual(wx.calls, []);
});

test('when the refresh token is refused too, the user logs in again', async () => {
	const openid = uniqueOpenid('relogin');
	const wx = await launch(openid);
	const userId = session.current().user.id;
	wx.setStorageSync(session.STORAGE_KEY, { ...session.current(), accessToken: 'garbage', refreshToken: 'spent' });
	wx.calls.length = 0;

	const hello = await request({ path: '/api/hello' });

	assert.equal(hello.userId, userId);
	assert.deepEqual(wx.calls, ['GET /api/hello', 'POST /wx/token/refresh', 'POST /wx/login', 'GET /api/hello']);
});

test('logging out revokes the tokens on the server and forgets them', async () => {
	const wx = await launch(uniqueOpenid('logout'));
	const before = session.current();

	await session.logout();

	assert.equal(session.current(), null);
	assert.ok(wx.calls.includes('POST /wx/logout'));
	const refresh = await fetch(process.env.WXLOGIN_BASE_URL + '/wx/token/refresh', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ refreshToken: before.refreshToken }),
	});
	assert.equal(refresh.status, 401);
});
