const session = require('./utils/session');

App({
	onLaunch() {
		// Silent login: no button, no prompt. Pages wait for `ready` before their first call.
		this.ready = session.login().catch((error) => {
			console.warn('Silent login failed; requests will try again', error);
			return null;
		});
	},
});
