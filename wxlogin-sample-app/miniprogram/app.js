// Login, refresh, the queue of requests while tokens are renewed: all in the wxlogin-miniprogram package
// (npm install, then WeChat DevTools' Tools > Build npm). The pages use getApp().client.
const { createWxClient } = require('wxlogin-miniprogram/wx');
const config = require('./config');

App({
	onLaunch() {
		this.client = createWxClient({ baseUrl: config.baseUrl });
		// Silent login: no button, no prompt. Pages wait for `ready` before their first call.
		this.ready = this.client.ensureLogin().catch((error) => {
			console.warn('Silent login failed; the page offers to log in again', error);
			return null;
		});
	},
});
