// A stand-in for the WeChat client's `wx` object, enough to run the mini program's code in Node
// against the sample app in demo mode: wx.login() and the other WeChat-only steps ask the demo
// endpoints (which play the WeChat client), wx.request() makes real HTTP calls.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const config = require('../config');

const baseUrl = process.env.WXLOGIN_BASE_URL;
assert.ok(baseUrl, 'WXLOGIN_BASE_URL must point at the sample app running in demo mode');
config.baseUrl = baseUrl;

async function demo(path, body) {
	const response = await fetch(baseUrl + path, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const reply = await response.json();
	if (!response.ok) {
		throw new Error(path + ' answered ' + response.status + ': ' + JSON.stringify(reply));
	}
	return reply;
}

/**
 * Install a fresh `wx` global for one WeChat user on one phone and return it. `wx.calls` lists the paths
 * the mini program called on its back end, in order. Codes put in `wx.staleLoginCodes` are what the next
 * wx.login() calls hand out before fresh ones, as a client might hand out a code that expired.
 */
function installWx(openid, {
	profile = { nickname: 'Old Way', avatarUrl: 'https://example.com/old-way.png' },
	device = { brand: 'Apple', model: 'iPhone 13', system: 'iOS 16.6', platform: 'ios' },
} = {}) {
	const storage = new Map();
	const wx = {
		openid,
		calls: [],
		toasts: [],
		staleLoginCodes: [],

		login({ success, fail }) {
			if (wx.staleLoginCodes.length > 0) {
				const code = wx.staleLoginCodes.shift();
				Promise.resolve().then(() => success({ code, errMsg: 'login:ok' }));
				return;
			}
			demo('/demo/wx-login', { openid })
				.then(({ code }) => success({ code, errMsg: 'login:ok' }))
				.catch((error) => fail && fail({ errMsg: 'login:fail ' + error.message }));
		},

		// Base library 2.20.1 and later; tests delete it to play an older client
		getDeviceInfo: () => ({ ...device, abi: 'arm64', benchmarkLevel: 1 }),
		getSystemInfoSync: () => ({ ...device, SDKVersion: '2.19.0', language: 'zh_CN', pixelRatio: 3 }),

		request({ url, method = 'GET', data, header = {}, success, fail }) {
			wx.calls.push(method + ' ' + url.slice(config.baseUrl.length));
			const hasBody = data !== undefined && method !== 'GET';
			fetch(url, { method, headers: header, body: hasBody ? JSON.stringify(data) : undefined })
				.then(async (response) => {
					const text = await response.text();
					let body = text;
					try {
						body = JSON.parse(text);
					}
					catch (error) {
						// not JSON: wx.request hands the text over as it is
					}
					success({ statusCode: response.status, data: body, header: Object.fromEntries(response.headers) });
				})
				.catch((error) => fail && fail({ errMsg: 'request:fail ' + error.message }));
		},

		uploadFile({ url, filePath, name, header = {}, success, fail }) {
			// The temporary file of <button open-type="chooseAvatar">: a small PNG shipped with the tests
			wx.calls.push('UPLOAD ' + filePath + ' ' + url.slice(config.baseUrl.length));
			const form = new FormData();
			form.append(name, new Blob([fs.readFileSync(path.join(__dirname, 'avatar.png'))], { type: 'image/png' }),
				'tmp_avatar.png');
			fetch(url, { method: 'POST', headers: header, body: form })
				.then(async (response) => success({ statusCode: response.status, data: await response.text() }))
				.catch((error) => fail && fail({ errMsg: 'uploadFile:fail ' + error.message }));
		},

		getUserProfile({ success, fail }) {
			demo('/demo/user-profile', { openid, nickname: profile.nickname, avatarUrl: profile.avatarUrl })
				.then((data) => success({ ...data, userInfo: JSON.parse(data.rawData), errMsg: 'getUserProfile:ok' }))
				.catch((error) => fail && fail({ errMsg: 'getUserProfile:fail ' + error.message }));
		},

		getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
		setStorageSync: (key, value) => storage.set(key, structuredClone(value)),
		removeStorageSync: (key) => storage.delete(key),
		showToast: ({ title }) => wx.toasts.push(title),
	};
	global.wx = wx;
	return wx;
}

/**
 * What <button open-type="getPhoneNumber"> hands the page when the user agrees.
 */
async function phoneButtonEvent(openid, phoneNumber) {
	const { code } = await demo('/demo/phone-code', { openid, phoneNumber });
	return { detail: { code, errMsg: 'getPhoneNumber:ok' } };
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

let users = 0;

function uniqueOpenid(name) {
	users++;
	return 'mp-' + name + '-' + process.pid + '-' + users + '-' + Date.now();
}

// A number is bound to one user only, and the tests share the application's users
function uniquePhoneNumber() {
	return '137' + String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
}

/**
 * Log the user in on another phone, straight over HTTP, and return that login's tokens.
 */
async function loginOnAnotherPhone(openid, device) {
	const { code } = await demo('/demo/wx-login', { openid });
	const reply = await demo('/wx/login', { code, device });
	return reply;
}

/**
 * The status of a refresh with this token: 200 while its session lasts, 401 once it ended.
 */
async function refreshStatus(refreshToken) {
	const response = await fetch(baseUrl + '/wx/token/refresh', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ refreshToken }),
	});
	return response.status;
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
