const { test } = require('node:test');
const assert = require('node:assert/strict');
const { installWx, phoneButtonEvent, loadMiniProgram, uniqueOpenid, uniquePhoneNumber } = require('./wx-stand-in');

const miniProgram = loadMiniProgram();

async function openPage(openid) {
	const wx = installWx(openid);
	miniProgram.app.onLaunch();
	const page = miniProgram.newPage();
	await page.onLoad();
	return { wx, page };
}

test('the page shows the user logged in at launch', async () => {
	const openid = uniqueOpenid('page');
	const { page } = await openPage(openid);
	assert.equal(page.data.user.openid, openid);
});

test('the phone button binds the number the user shared', async () => {
	const openid = uniqueOpenid('phone');
	const { wx, page } = await openPage(openid);

	const phoneNumber = uniquePhoneNumber();
	await page.onGetPhoneNumber(await phoneButtonEvent(openid, phoneNumber));

	assert.equal(page.data.user.phoneNumber, phoneNumber);
	assert.ok(wx.calls.includes('POST /wx/phone'));
	assert.equal(page.data.message, 'Phone number saved');
});

test('a user who declines to share the phone number is told so', async () => {
	const { wx, page } = await openPage(uniqueOpenid('decline'));

	await page.onGetPhoneNumber({ detail: { errMsg: 'getPhoneNumber:fail user deny' } });

	assert.equal(page.data.message, 'The phone number was not shared');
	assert.ok(!wx.calls.includes('POST /wx/phone'));
});

test('the nickname form saves the nickname', async () => {
	const { page } = await openPage(uniqueOpenid('nickname'));

	await page.onSaveProfile({ detail: { value: { nickname: 'Xiao Ming' } } });

	assert.equal(page.data.user.nickname, 'Xiao Ming');
	assert.equal(miniProgram.app.client.user.nickname, 'Xiao Ming');
});

test('a chosen avatar is uploaded to the starter, which keeps it and sets it, and the nickname saved', async () => {
	const openid = uniqueOpenid('avatar');
	const { wx, page } = await openPage(openid);

	page.onChooseAvatar({ detail: { avatarUrl: 'wxfile://tmp_avatar.png' } });
	await page.onSaveProfile({ detail: { value: { nickname: 'Xiao Hong' } } });

	assert.ok(wx.calls.includes('UPLOAD wxfile://tmp_avatar.png /wx/profile/avatar'));
	assert.match(page.data.user.avatarUrl, /^http.*\/wx\/avatars\/[0-9a-f]{80}\.png$/);
	assert.equal(page.data.user.nickname, 'Xiao Hong');
	const image = await fetch(page.data.user.avatarUrl);
	assert.equal(image.status, 200);
	assert.equal(image.headers.get('content-type'), 'image/png');
});

test('the older getUserProfile way saves the verified profile', async () => {
	const { wx, page } = await openPage(uniqueOpenid('legacy'));

	await new Promise((resolve) => {
		page.say = function say(message) {
			this.setData({ message });
			resolve();
		};
		page.onUseWeChatProfile();
	});

	assert.equal(page.data.message, 'Profile saved');
	assert.equal(page.data.user.nickname, 'Old Way');
	assert.ok(wx.calls.includes('POST /wx/profile/wechat'));
});

test('the protected API greets the user', async () => {
	const { page } = await openPage(uniqueOpenid('api'));

	await page.onCallApi();

	assert.match(page.data.message, /^Hello, /);
});
