const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
	installWx, loadMiniProgram, uniqueOpenid, loginOnAnotherPhone, refreshStatus,
} = require('./wx-stand-in');

const miniProgram = loadMiniProgram();

const HUAWEI = { brand: 'HUAWEI', model: 'Mate 60', system: 'HarmonyOS 4.0', platform: 'android' };

const IPHONE = { model: 'iPhone 15', platform: 'ios', system: 'iOS 17.4' };

async function openPage(openid, options) {
	const wx = installWx(openid, options);
	miniProgram.app.onLaunch();
	const page = miniProgram.newPage();
	await page.onLoad();
	return { wx, page };
}

test('the session list shows this phone and the others, and ends another', async () => {
	const openid = uniqueOpenid('sessions');
	const otherPhone = await loginOnAnotherPhone(openid, IPHONE);
	const { page } = await openPage(openid, { device: HUAWEI });

	await page.onShowSessions();

	assert.equal(page.data.sessions.length, 2);
	const [current] = page.data.sessions.filter((each) => each.current);
	assert.equal(current.label, 'Mate 60 · HarmonyOS 4.0');
	const [other] = page.data.sessions.filter((each) => !each.current);
	assert.equal(other.label, 'iPhone 15 · iOS 17.4');

	await page.onEndSession({ currentTarget: { dataset: { id: other.id } } });

	assert.equal(page.data.message, 'Session ended');
	assert.deepEqual(page.data.sessions.map((each) => each.id), [current.id]);
	assert.equal(await refreshStatus(otherPhone.refreshToken), 401, "the other phone's session ended");
	assert.equal(await refreshStatus(miniProgram.app.client.session.refreshToken), 200, 'this one goes on');
});

test('a client without wx.getDeviceInfo names its device with wx.getSystemInfoSync', async () => {
	const openid = uniqueOpenid('older-client');
	const wx = installWx(openid, { device: HUAWEI });
	delete wx.getDeviceInfo;
	miniProgram.app.onLaunch();
	const page = miniProgram.newPage();
	await page.onLoad();

	await page.onShowSessions();

	assert.deepEqual(page.data.sessions.map((each) => each.label), ['Mate 60 · HarmonyOS 4.0']);
});

test('logging out everywhere ends every session of the account', async () => {
	const openid = uniqueOpenid('everywhere');
	const otherPhone = await loginOnAnotherPhone(openid, IPHONE);
	const { wx, page } = await openPage(openid);
	const thisPhone = miniProgram.app.client.session;

	await page.onLogoutEverywhere();

	assert.equal(page.data.message, 'Logged out everywhere');
	assert.equal(page.data.user, null);
	assert.equal(miniProgram.app.client.session, null);
	assert.ok(wx.calls.includes('POST /wx/logout'));
	assert.equal(await refreshStatus(otherPhone.refreshToken), 401);
	assert.equal(await refreshStatus(thisPhone.refreshToken), 401);
});
