'use strict';
// What the test asks of the back end that no mini program can: the Java test that runs these tests
// serves this on loopback, next to the sample app, to disable an account or make WeChat fail.
const assert = require('node:assert/strict');

const controlUrl = process.env.WXLOGIN_CONTROL_URL;

async function control(action, parameters) {
	assert.ok(controlUrl, 'WXLOGIN_CONTROL_URL must point at the test control of the Java test that runs these tests');
	const response = await fetch(controlUrl + '/' + action + '?' + new URLSearchParams(parameters), { method: 'POST' });
	assert.equal(response.status, 204, action + ' answered ' + response.status + ': ' + await response.text());
}

module.exports = {
	/** The host disables the account (WxAccountManager.disable): its sessions end. */
	disableAccount: (userId) => control('disable', { userId }),
	/** WeChat answers the next `times` code2Session calls with this fault: 'busy' or 'errcode:45011'. */
	failLogins: (fault, times) => control('fail', { fault, times: String(times) }),
	/** WeChat behaves again: scheduled faults forgotten. */
	resetWeChat: () => control('reset', {}),
};
