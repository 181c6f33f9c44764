// A stand-in for the WeChat client's `wx` object, enough to run the mini program's code in Node against
// the sample app in demo mode: the client package's stand-in (a phone whose wx.login() asks the demo
// endpoints, which play the WeChat client, and whose wx.request() makes real HTTP calls), with what the
// page uses besides.
const path = require('node:path');
const config = require('../config');

const standIns = path.join(__dirname, '..', '..', '..', 'wxlogin-miniprogram-client', 'test', 'stand-ins');
const { Phone, baseUrl, demo, uniqueOpenid, uniquePhoneNumber, loginOnAnotherPhone, refreshStatus } = require(path.join(standIns, 'phone'));
const { wxStandIn } = require(path.join(standIns, 'platforms'));

config.baseUrl = baseUrl;

/**
 * Install a fresh `wx` global for one WeChat user on one phone and return it. `wx.calls` lists the paths
 * the mini program called on its back end, in order. Codes put in `wx.staleLoginCodes` are what the next
 * wx.login() calls hand out before fresh ones, as a client might hand out a code that expired.
 */
function installWx(openid, {
	profile = { nickname: 'Old Way', avatarUrl: 'https://example.com/old-way.png' },
	device = { brand: 'Apple', model: 'iPhone 13', system: 'iOS 16.6', platform: 'ios' },
} = {}) {
	const phone = new Phone(openid, device);
	const wx = Object.assign(wxStandIn(phone), {
		openid,
		calls: phone.calls,
		toasts: [],
		staleLoginCodes: phone.staleLoginCodes,

		getUserProfile({ success, fail }) {
			demo('/demo/user-profile', { openid, nickname: profile.nickname, avatarUrl: profile.avatarUrl })
				.then((data) => success({ ...data, userInfo: JSON.parse(data.rawData), errMsg: 'getUserProfile:ok' }))
				.catch((error) => fail && fail({ errMsg: 'getUserProfile:fail ' + error.message }));
		},

		showToast: ({ title }) => wx.toasts.push(title),
	});
	global.wx = wx;
	return wx;
}

/**
 * What <button open-type="getPhoneNumber"> hands the page when the user agrees.
 */
async function phoneButtonEvent(openid, phoneNumber) {
	return new Phone(openid).phoneButtonEvent(phoneNumber);
}

/**
 * Load app.js and a page as the WeChat client would, with App(), Page() and getApp() globals.
 */
function loadMiniProgram() {
	let app = null;
	let pageDefinition = null;
	global.App = (definition) => {
		app = { ...definition };
	};
	global.getApp = () => app;
	global.Page = (definition) => {
		pageDefinition = definition;
	};
	require('../app');
	require('../pages/index/index');
	return {
		app,
		newPage() {
			const page = Object.create(pageDefinition);
			page.data = structuredClone(pageDefinition.data);
			page.setData = function setData(patch) {
				Object.assign(this.data, structuredClone(patch));
			};
			return page;
		},
	};
}

module.exports = {
	installWx,
	phoneButtonEvent,
	loadMiniProgram,
	uniqueOpenid,
	uniquePhoneNumber,
	loginOnAnotherPhone,
	refreshStatus,
};
