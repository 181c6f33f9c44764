const session = require('../../utils/session');
const { request } = require('../../utils/request');
const { absolute, uploadAvatar } = require('../../utils/avatar');

// What the session list shows of a session: the device the login named, or its browser, and where from
function describeSession(each) {
	const device = each.device || {};
	const label = [device.model, device.system].filter(Boolean).join(' · ') || each.userAgent || 'Unknown device';
	const since = String(each.createdAt).slice(0, 16).replace('T', ' ');
	return { id: each.id, current: each.current, label, detail: [each.ip, 'since ' + since].filter(Boolean).join(' · ') };
}

Page({
	data: {
		user: null,
		// From the login: an account that has a phone never sees the paid phone-login button
		phoneBound: false,
		// The session list, once asked for
		sessions: null,
		avatarPath: '',
		message: '',
	},

	// The silent login of app.js comes first; the page then shows what this account needs
	async onLoad() {
		await getApp().ready;
		this.show(session.current());
	},

	show(current) {
		this.setData({
			user: current ? current.user : null,
			phoneBound: Boolean(current && current.phoneBound),
			sessions: null,
		});
	},

	// 手机号快捷登录, <button open-type="getPhoneNumber">: WeChat asks the user, then hands over a one-time
	// code, sent with a fresh wx.login() code; what to do on each error is the table of docs/accounts.md,
	// 'Phone-number login'
	async onPhoneLogin(event) {
		if (!event.detail.code) {
			this.say('The phone number was not shared');
			return;
		}
		try {
			const current = await session.loginWithPhone(event.detail.code);
			this.show(current);
			this.say(current.newUser ? 'Account created with the phone number' : 'Logged in with the phone number');
		}
		catch (error) {
			await this.phoneLoginFailed(error);
		}
	},

	async phoneLoginFailed(error) {
		switch (error.code) {
			case 'identity_conflict':
				// This WeChat user has an account with another phone: back to it, and the user decides
				await this.run(async () => this.show(await session.login()));
				this.say('Your WeChat account already belongs to an account with another phone number');
				break;
			case 'account_disabled':
				this.say('This account is disabled');
				break;
			case 'invalid_code':
				// Refused with a fresh login code too: the phone code is spent
				this.say('WeChat did not accept the codes; tap the button again');
				break;
			default:
				// Busy or unreachable: a new tap asks WeChat for the number again, charged only when given
				this.say(error.code ? error.code + ': ' + error.message : error.message);
		}
	},

	// <button open-type="getPhoneNumber"> of an account that has a number: binds another one to it
	async onGetPhoneNumber(event) {
		if (!event.detail.code) {
			this.say('The phone number was not shared');
			return;
		}
		await this.run(async () => {
			const phone = await request({ path: '/wx/phone', method: 'POST', data: { code: event.detail.code } });
			session.markPhoneBound();
			this.setData({ user: session.updateUser({ phoneNumber: phone.phoneNumber }), phoneBound: true });
			this.say('Phone number saved');
		});
	},

	// <button open-type="chooseAvatar">: a temporary file, uploaded when the profile is saved
	onChooseAvatar(event) {
		this.setData({ avatarPath: event.detail.avatarUrl });
	},

	// <form> with <input type="nickname">: read on submit, after WeChat's own check of the nickname
	async onSaveProfile(event) {
		const nickname = (event.detail.value.nickname || '').trim();
		await this.run(async () => {
			const avatar = this.data.avatarPath ? await uploadAvatar(this.data.avatarPath) : null;
			if (avatar && avatar.saved) {
				// The starter's endpoint keeps the image and sets it as the avatar itself
				this.setData({ user: session.updateUser({ avatarUrl: avatar.url }) });
			}
			const profile = {};
			if (nickname) {
				profile.nickname = nickname;
			}
			if (avatar && !avatar.saved) {
				profile.avatarUrl = avatar.url;
			}
			if (!profile.nickname && !profile.avatarUrl) {
				this.say(avatar ? 'Avatar saved' : 'Choose an avatar or type a nickname first');
				return;
			}
			const user = await request({ path: '/wx/profile', method: 'PUT', data: profile });
			if (user.avatarUrl) {
				// The starter's own avatar URLs are paths on the back end unless it has a public base URL
				user.avatarUrl = absolute(user.avatarUrl);
			}
			this.setData({ user: session.updateUser(user) });
			this.say(this.data.avatarPath && !avatar
				? 'Nickname saved; the avatar needs an upload endpoint (config.avatarUploadUrl)'
				: 'Profile saved');
		});
	},

	// The older way: wx.getUserProfile, for clients before the avatar and nickname components. WeChat
	// now answers it with a grey avatar and "微信用户", which the back end does not save.
	onUseWeChatProfile() {
		wx.getUserProfile({
			desc: 'Show your nickname and avatar',
			success: (result) => this.run(async () => {
				const user = await request({
					path: '/wx/profile/wechat',
					method: 'POST',
					data: {
						rawData: result.rawData,
						signature: result.signature,
						encryptedData: result.encryptedData,
						iv: result.iv,
					},
				});
				this.setData({ user: session.updateUser(user) });
				this.say('Profile saved');
			}),
			fail: () => this.say('The profile was not shared'),
		});
	},

	async onCallApi() {
		await this.run(async () => {
			const hello = await request({ path: '/api/hello' });
			this.say(hello.message);
		});
	},

	async onShowSessions() {
		await this.run(async () => {
			const sessions = await request({ path: '/wx/sessions' });
			this.setData({ sessions: sessions.map(describeSession) });
		});
	},

	// Ends another device's login: its refresh token is refused from now on, and its access token soon after
	async onEndSession(event) {
		const { id } = event.currentTarget.dataset;
		await this.run(async () => {
			await request({ path: '/wx/sessions/' + encodeURIComponent(id), method: 'DELETE' });
			const sessions = await request({ path: '/wx/sessions' });
			this.setData({ sessions: sessions.map(describeSession) });
			this.say('Session ended');
		});
	},

	async onLogoutEverywhere() {
		await this.run(async () => {
			await request({ path: '/wx/logout', method: 'POST', data: { all: true } });
			session.forget();
			this.show(null);
			this.say('Logged out everywhere');
		});
	},

	async onLogout() {
		await session.logout();
		this.show(null);
		this.say('Logged out');
	},

	async onLogin() {
		await this.run(async () => {
			this.show(await session.login());
			this.say('Logged in');
		});
	},

	async run(work) {
		try {
			await work();
		}
		catch (error) {
			this.say(error.code ? error.code + ': ' + error.message : error.message);
		}
	},

	say(message) {
		this.setData({ message });
		wx.showToast({ title: message, icon: 'none' });
	},
});
