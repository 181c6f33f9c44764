const { test } = require('node:test');
const assert = require('node:assert/strict');
const { installWx, loadMiniProgram, uniqueOpenid, refreshStatus } = require('./wx-stand-in');

// The login itself, the refresh and the queue are the wxlogin-miniprogram package's, tested in its own
// folder; these tests check that the mini program uses it as the page needs.
const miniProgram = loadMiniProgram();

async function openPage(openid, wx = installWx(openid)) {
	miniProgram.app.onLaunch();
	const page = miniProgram.newPage();
	await page.onLoad();
	return { wx, page };
}

test('launching logs the user in silently, and the next launch keeps the session', async () => {
	const openid = uniqueOpenid('launch');
	const { wx, page } = await openPage(openid);
	assert.equal(page.data.user.openid, openid);
	assert.deepEqual(wx.calls, ['POST /wx/login']);

	const next = await openPage(openid, wx);

	assert.equal(next.page.data.user.openid, openid);
	assert.deepEqual(wx.calls, ['POST /wx/login'], 'no second login');
});

test('the page calls a protected API with the token, renewed by the client when refused', async () => {
	const { wx, page } = await openPage(uniqueOpenid('hello'));
	wx.setStorageSync('wxlogin.session', { ...wx.getStorageSync('wxlogin.session'), accessToken: 'garbage' });
	wx.calls.length = 0;

	await page.onCallApi();

	assert.match(page.data.message, /^Hello, /);
	assert.deepEqual(wx.calls, ['GET /api/hello', 'POST /wx/token/refresh', 'GET /api/hello']);
});

test('logging out revokes the session on the server, and the page offers to log in again', async () => {
	const { page } = await openPage(uniqueOpenid('logout'));
	const before = miniProgram.app.client.session;

	await page.onLogout();

	assert.equal(page.data.user, null);
	assert.equal(page.data.message, 'Logged out');
	assert.equal(await refreshStatus(before.refreshToken), 401);

	await page.onLogin();

	assert.equal(page.data.message, 'Logged in');
	assert.equal(page.data.user.id, before.user.id);
});
