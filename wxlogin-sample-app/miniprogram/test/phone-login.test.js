const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { installWx, phoneButtonEvent, loadMiniProgram, uniqueOpenid, uniquePhoneNumber } = require('./wx-stand-in');

const miniProgram = loadMiniProgram();

async function openPage(openid, prepare = () => {}) {
	const wx = installWx(openid);
	prepare(wx);
	miniProgram.app.onLaunch();
	const page = miniProgram.newPage();
	await page.onLoad();
	return { wx, page };
}

function masked(phoneNumber) {
	return phoneNumber.slice(0, 3) + '****' + phoneNumber.slice(7);
}

test('the page shows the phone-login button only while the account has no phone', () => {
	const template = fs.readFileSync(path.join(__dirname, '..', 'pages', 'index', 'index.wxml'), 'utf8');
	const card = template.match(/<view class="card" wx:if="\{\{!phoneBound\}\}">[\s\S]*?<\/view>\s*<view/);
	assert.ok(card, 'a card shown only when !phoneBound');
	assert.match(card[0], /<button[^>]*open-type="getPhoneNumber"[^>]*bindgetphonenumber="onPhoneLogin"[^>]*>手机号快捷登录</);
});

test('a new user logs in silently at launch, then signs in with the phone number', async () => {
	const openid = uniqueOpenid('phone-login');
	const { wx, page } = await openPage(openid);
	assert.equal(page.data.phoneBound, false, 'a new account has no phone: the button shows');
	const userId = page.data.user.id;

	const phoneNumber = uniquePhoneNumber();
	await page.onPhoneLogin(await phoneButtonEvent(openid, phoneNumber));

	assert.equal(page.data.message, 'Logged in with the phone number');
	assert.equal(page.data.phoneBound, true, 'the button is gone');
	assert.equal(page.data.user.id, userId, 'the silent login made the account; the phone login gave it the number');
	assert.equal(page.data.user.phoneNumber, masked(phoneNumber));
	assert.deepEqual(wx.calls, ['POST /wx/login', 'POST /wx/login/phone']);
	assert.equal(miniProgram.app.client.phoneBound, true);
});

test('a user whose silent login failed is signed in by the phone login, to a new account', async () => {
	const openid = uniqueOpenid('first-phone');
	// The client tries a refused code once more with a fresh one: both expired
	const { wx, page } = await openPage(openid, (wx) => wx.staleLoginCodes.push('expired-login-code', 'used-login-code'));
	assert.equal(page.data.user, null, 'the silent login was refused');
	assert.equal(page.data.phoneBound, false);

	const phoneNumber = uniquePhoneNumber();
	await page.onPhoneLogin(await phoneButtonEvent(openid, phoneNumber));

	assert.equal(page.data.message, 'Account created with the phone number');
	assert.equal(page.data.user.openid, openid);
	assert.equal(page.data.user.phoneNumber, masked(phoneNumber));
	assert.equal(page.data.phoneBound, true);
	assert.deepEqual(wx.calls, ['POST /wx/login', 'POST /wx/login', 'POST /wx/login/phone']);
});

test('an account that has a phone gets no phone-login button at its next launch', async () => {
	const openid = uniqueOpenid('bound');
	const first = await openPage(openid);
	await first.page.onPhoneLogin(await phoneButtonEvent(openid, uniquePhoneNumber()));
	assert.equal(first.page.data.phoneBound, true);

	// The same WeChat user opens the mini program again, as on another phone: storage is empty
	const { wx, page } = await openPage(openid);

	assert.equal(page.data.phoneBound, true, 'the silent login says the account has a phone');
	assert.equal(page.data.user.id, first.page.data.user.id);
	assert.deepEqual(wx.calls, ['POST /wx/login'], 'no phone login, no paid call');
});

test('a refused login code is replaced once by a fresh one, with the same phone code', async () => {
	const openid = uniqueOpenid('stale');
	const { wx, page } = await openPage(openid);
	const event = await phoneButtonEvent(openid, uniquePhoneNumber());
	wx.staleLoginCodes.push('expired-login-code');
	wx.calls.length = 0;

	await page.onPhoneLogin(event);

	assert.deepEqual(wx.calls, ['POST /wx/login/phone', 'POST /wx/login/phone']);
	assert.equal(page.data.phoneBound, true);
	assert.equal(page.data.message, 'Logged in with the phone number');
});

test('when the fresh login code is refused too, the user is asked to tap again', async () => {
	const openid = uniqueOpenid('stale-twice');
	const { wx, page } = await openPage(openid);
	const event = await phoneButtonEvent(openid, uniquePhoneNumber());
	wx.staleLoginCodes.push('expired-login-code', 'used-login-code');
	wx.calls.length = 0;

	await page.onPhoneLogin(event);

	assert.deepEqual(wx.calls, ['POST /wx/login/phone', 'POST /wx/login/phone']);
	assert.equal(page.data.message, 'WeChat did not accept the codes; tap the button again');
	assert.equal(page.data.phoneBound, false);
});

test('the number of another account leaves the user in their own account, told why', async () => {
	const owner = uniqueOpenid('owner');
	const phoneNumber = uniquePhoneNumber();
	const first = await openPage(owner);
	await first.page.onPhoneLogin(await phoneButtonEvent(owner, phoneNumber));
	assert.equal(first.page.data.phoneBound, true);

	const other = uniqueOpenid('other');
	const { wx, page } = await openPage(other);
	const ownUserId = page.data.user.id;
	await page.onPhoneLogin(await phoneButtonEvent(other, phoneNumber));

	assert.equal(page.data.message, 'Your WeChat account already belongs to an account with another phone number');
	assert.deepEqual(wx.calls, ['POST /wx/login', 'POST /wx/login/phone', 'POST /wx/login']);
	assert.equal(page.data.user.id, ownUserId);
	assert.equal(page.data.phoneBound, false);
	assert.equal(miniProgram.app.client.user.id, ownUserId);
});

test('a user who declines to share the number is told so, and nothing is sent', async () => {
	const { wx, page } = await openPage(uniqueOpenid('decline-login'));

	await page.onPhoneLogin({ detail: { errMsg: 'getPhoneNumber:fail user deny' } });

	assert.equal(page.data.message, 'The phone number was not shared');
	assert.deepEqual(wx.calls, ['POST /wx/login']);
});
