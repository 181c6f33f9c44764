const session = require('../../utils/session');
const { request } = require('../../utils/request');
const { absolute, uploadAvatar } = require('../../utils/avatar');

Page({
	data: {
		user: null,
		avatarPath: '',
		message: '',
	},

	async onLoad() {
		await getApp().ready;
		const current = session.current();
		this.setData({ user: current ? current.user : null });
	},

	// <button open-type="getPhoneNumber">: WeChat asks the user, then hands over a one-time code
	async onGetPhoneNumber(event) {
		if (!event.detail.code) {
			this.say('The phone number was not shared');
			return;
		}
		await this.run(async () => {
			const phone = await request({ path: '/wx/phone', method: 'POST', data: { code: event.detail.code } });
			this.setData({ user: session.updateUser({ phoneNumber: phone.phoneNumber }) });
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

	async onLogout() {
		await session.logout();
		this.setData({ user: null });
		this.say('Logged out');
	},

	async onLogin() {
		await this.run(async () => {
			const current = await session.login();
			this.setData({ user: current.user });
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
