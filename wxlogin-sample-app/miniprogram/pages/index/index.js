const { ErrorCode, ClientErrorCode } = require('wxlogin-miniprogram/wx');

// What the session list shows of a session: the device the login named, or its browser, and where from
function describeSession(each) {
	const device = each.device || {};
	const label = [device.model, device.system].filter(Boolean).join(' · ') || each.userAgent || 'Unknown device';
	const since = String(each.createdAt).slice(0, 16).replace('T', ' ');
	return { id: each.id, current: each.current, label, detail: [each.ip, 'since ' + since].filter(Boolean).join(' · ') };
}

// Every call goes through the wxlogin-miniprogram client of app.js: it logs in, refreshes, queues and retries
function client() {
	return getApp().client;
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

	// The silent login of app.js comes first; the page then shows what this account needs. A session that
	// ends while the page is open (another device logged out everywhere, the account disabled) shows at once.
	async onLoad() {
		await getApp().ready;
		this.stopListening = client().on('loggedOut', ({ reason }) => {
			this.show();
			this.say('Logged out: ' + reason);
		});
		this.show();
	},

	onUnload() {
		this.stopListening();
	},

	show() {
		this.setData({ user: client().user, phoneBound: client().phoneBound, sessions: null });
	},

	// 手机号快捷登录, <button open-type="getPhoneNumber">: the client sends the button's code with a fresh
	// wx.login() code (a refused login code is replaced once); what to do on each error is the table of
	// docs/accounts.md, 'Phone-number login'
	async onPhoneLogin(event) {
		try {
			const session = await client().loginWithPhone(event);
			this.show();
			this.say(session.newUser ? 'Account created with the phone number' : 'Logged in with the phone number');
		}
		catch (error) {
			await this.phoneLoginFailed(error);
		}
	},

	async phoneLoginFailed(error) {
		switch (error.code) {
			case ClientErrorCode.PHONE_NOT_SHARED:
				this.say('The phone number was not shared');
				break;
			case ErrorCode.IDENTITY_CONFLICT:
				// This WeChat user has an account with another phone: back to it, and the user decides
				await this.run(async () => {
					await client().login();
					this.show();
				});
				this.say('Your WeChat account already belongs to an account with another phone number');
				break;
			case ErrorCode.ACCOUNT_DISABLED:
				this.say('This account is disabled');
				break;
			case ErrorCode.INVALID_CODE:
				// Refused with a fresh login code too: the phone code is spent
				this.say('WeChat did not accept the codes; tap the button again');
				break;
			default:
				// Busy or unreachable: a new tap asks WeChat for the number again, charged only when given
				this.say(error.code + ': ' + error.message);
		}
	},

	// <button open-type="getPhoneNumber"> of an account that has a number: binds another one to it
	async onGetPhoneNumber(event) {
		if (!event.detail.code) {
			this.say('The phone number was not shared');
			return;
		}
		await this.run(async () => {
			await client().bindPhone(event);
			this.show();
			this.say('Phone number saved');
		});
	},

	// <button open-type="chooseAvatar">: a temporary file, uploaded when the profile is saved
	onChooseAvatar(event) {
		this.setData({ avatarPath: event.detail.avatarUrl });
	},

	// <form> with <input type="nickname">: read on submit, after WeChat's own check of the nickname. The
	// starter keeps the uploaded image and sets it as the avatar itself.
	async onSaveProfile(event) {
		const nickname = (event.detail.value.nickname || '').trim();
		await this.run(async () => {
			if (this.data.avatarPath) {
				await client().uploadAvatar(this.data.avatarPath);
			}
			if (nickname) {
				await client().saveProfile({ nickname });
			}
			this.show();
			this.say(nickname || this.data.avatarPath ? 'Profile saved' : 'Choose an avatar or type a nickname first');
		});
	},

	// The older way: wx.getUserProfile, for clients before the avatar and nickname components. WeChat
	// now answers it with a grey avatar and "微信用户", which the back end does not save.
	onUseWeChatProfile() {
		wx.getUserProfile({
			desc: 'Show your nickname and avatar',
			success: (result) => this.run(async () => {
				await client().saveWeChatProfile(result);
				this.show();
				this.say('Profile saved');
			}),
			fail: () => this.say('The profile was not shared'),
		});
	},

	async onCallApi() {
		await this.run(async () => {
			const hello = await client().request({ path: '/api/hello' });
			this.say(hello.message);
		});
	},

	async onShowSessions() {
		await this.run(async () => {
			const sessions = await client().sessions();
			this.setData({ sessions: sessions.map(describeSession) });
		});
	},

	// Ends another device's login: its refresh token is refused from now on, and its access token soon after
	async onEndSession(event) {
		const { id } = event.currentTarget.dataset;
		await this.run(async () => {
			await client().endSession(id);
			const sessions = await client().sessions();
			this.setData({ sessions: sessions.map(describeSession) });
			this.say('Session ended');
		});
	},

	async onLogoutEverywhere() {
		await this.run(async () => {
			await client().logout({ everywhere: true });
			this.show();
			this.say('Logged out everywhere');
		});
	},

	async onLogout() {
		await client().logout();
		this.show();
		this.say('Logged out');
	},

	async onLogin() {
		await this.run(async () => {
			await client().login();
			this.show();
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
