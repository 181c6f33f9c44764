'use strict';
// A phone running the mini program, for tests in Node against the sample app in demo mode: its
// network (real HTTP, which the test can cut or make lose a reply), its storage, the WeChat user signed
// in to WeChat on it, and the device. The wx, uni and Taro stand-ins are faces of it, each with the
// shapes of its platform's APIs.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const baseUrl = process.env.WXLOGIN_BASE_URL;
assert.ok(baseUrl, 'WXLOGIN_BASE_URL must point at the sample app running in demo mode');

const AVATAR = fs.readFileSync(path.join(__dirname, '..', 'avatar.png'));

/**
 * POST to the sample's demo endpoints, which play the WeChat client: login codes, phone codes.
 */
async function demo(demoPath, body) {
	const response = await fetch(baseUrl + demoPath, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const reply = await response.json();
	if (!response.ok) {
		throw new Error(demoPath + ' answered ' + response.status + ': ' + JSON.stringify(reply));
	}
	return reply;
}

// What wx.request does with `data`: a query string for GET, JSON for an object otherwise
function requestInit(method, data, header) {
	if (data === undefined || data === null || method === 'GET' || method === 'HEAD') {
		return { method, headers: header };
	}
	return { method, headers: header, body: typeof data === 'string' ? data : JSON.stringify(data) };
}

function withQuery(url, method, data) {
	if (method !== 'GET' || !data || typeof data !== 'object') {
		return url;
	}
	const query = new URLSearchParams(data).toString();
	return query ? url + (url.includes('?') ? '&' : '?') + query : url;
}

// Like wx.request: a JSON reply's body is parsed, any other is handed over as text
async function replyOf(response) {
	const text = await response.text();
	let data = text;
	try {
		data = JSON.parse(text);
	}
	catch (ex) {
		// not JSON
	}
	return { statusCode: response.status, data, header: Object.fromEntries(response.headers), errMsg: 'request:ok' };
}

class Phone {

	constructor(openid, device) {
		this.openid = openid;
		this.device = device || { brand: 'HUAWEI', model: 'Mate 60', system: 'HarmonyOS 4.0', platform: 'android' };
		// The paths called on the back end, in order: 'POST /wx/login'
		this.calls = [];
		this.storage = new Map();
		this.online = true;
		// Codes the next logins give before fresh ones, as a client may hand out one that expired
		this.staleLoginCodes = [];
		// Paths whose next reply is lost: the request reaches the back end, the answer never comes back
		this.lostReplies = [];
	}

	/** The stored value as the platform keeps it: JSON, as on a real phone. */
	getStorage(key) {
		return this.storage.has(key) ? JSON.parse(this.storage.get(key)) : '';
	}

	setStorage(key, value) {
		this.storage.set(key, JSON.stringify(value));
	}

	removeStorage(key) {
		this.storage.delete(key);
	}

	deviceInfo() {
		return Object.assign({ abi: 'arm64', benchmarkLevel: 1 }, this.device);
	}

	/** Resolves with {code}; rejects with {errMsg} like a failed wx.login(). */
	async login() {
		if (this.staleLoginCodes.length > 0) {
			return { code: this.staleLoginCodes.shift(), errMsg: 'login:ok' };
		}
		if (!this.online) {
			throw { errMsg: 'login:fail network error' };
		}
		const { code } = await demo('/demo/wx-login', { openid: this.openid });
		return { code, errMsg: 'login:ok' };
	}

	/** Resolves with the reply whatever its status; rejects with {errMsg} when none came. */
	async request({ url, method = 'GET', data, header = {} }) {
		const calledPath = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
		if (!this.online) {
			throw { errMsg: 'request:fail network unreachable' };
		}
		this.calls.push(method + ' ' + calledPath);
		const response = await fetch(withQuery(url, method, data), requestInit(method, data, header));
		const reply = await replyOf(response);
		const lost = this.lostReplies.indexOf(calledPath);
		if (lost >= 0) {
			this.lostReplies.splice(lost, 1);
			throw { errMsg: 'request:fail timeout' };
		}
		return reply;
	}

	/** Like wx.uploadFile: multipart, and the reply's body always text. The file is a small PNG. */
	async upload({ url, filePath, name, header = {} }) {
		if (!this.online) {
			throw { errMsg: 'uploadFile:fail network unreachable' };
		}
		this.calls.push('UPLOAD ' + filePath + ' ' + url.slice(baseUrl.length));
		const form = new FormData();
		form.append(name, new Blob([AVATAR], { type: 'image/png' }), path.basename(filePath));
		const response = await fetch(url, { method: 'POST', headers: header, body: form });
		return { statusCode: response.status, data: await response.text(), header: Object.fromEntries(response.headers), errMsg: 'uploadFile:ok' };
	}

	/** What <button open-type="getPhoneNumber"> hands the page when the user agrees. */
	async phoneButtonEvent(phoneNumber) {
		const { code } = await demo('/demo/phone-code', { openid: this.openid, phoneNumber });
		return { type: 'getphonenumber', detail: { code, errMsg: 'getPhoneNumber:ok' } };
	}

}

let users = 0;

function uniqueOpenid(name) {
	users++;
	return 'test-' + name + '-' + process.pid + '-' + users + '-' + Date.now();
}

// A number is bound to one account only, and the tests share the application's accounts
function uniquePhoneNumber() {
	return '136' + String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
}

/**
 * The status of a refresh with this token, straight over HTTP: 200 while its session lasts, 401 after.
 */
async function refreshStatus(refreshToken) {
	const response = await fetch(baseUrl + '/wx/token/refresh', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ refreshToken }),
	});
	return response.status;
}

/**
 * Log the user in on another phone, straight over HTTP; resolves with that login's tokens.
 */
async function loginOnAnotherPhone(openid, device = { model: 'iPhone 15', platform: 'ios', system: 'iOS 17.4' }) {
	const { code } = await demo('/demo/wx-login', { openid });
	return demo('/wx/login', { code, device });
}

module.exports = { Phone, baseUrl, demo, uniqueOpenid, uniquePhoneNumber, refreshStatus, loginOnAnotherPhone };
