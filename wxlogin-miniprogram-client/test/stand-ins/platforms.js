'use strict';
// Stand-ins for wx, uni and Taro over one Phone, each with its platform's API shapes:
// - wx: success/fail/complete callbacks; wx.login() without callbacks returns a promise, wx.request and
//   wx.uploadFile return a task (never a promise);
// - uni: the same callbacks; without any, every API returns a promise;
// - Taro: every API returns a promise (and calls the callbacks too when given).
// Replies and failures arrive asynchronously, as on a phone.

const CALLBACKS = ['success', 'fail', 'complete'];

function hasCallback(options) {
	return CALLBACKS.some((name) => typeof options[name] === 'function');
}

function settle(options, work) {
	return work().then((result) => {
		if (options.success) {
			options.success(result);
		}
		if (options.complete) {
			options.complete(result);
		}
		return result;
	}, (failure) => {
		if (options.fail) {
			options.fail(failure);
		}
		if (options.complete) {
			options.complete(failure);
		}
		throw failure;
	});
}

// An API whose result depends on its caller: callbacks, or a promise when `promise` says so
function api(phone, work, { promise, task }) {
	return (options = {}) => {
		const running = settle(options, () => work(options));
		if (hasCallback(options)) {
			running.catch(() => undefined);
			return task ? { abort() {} } : undefined;
		}
		if (promise) {
			return running;
		}
		running.catch(() => undefined);
		return { abort() {} };
	};
}

function storageApi(phone) {
	return {
		getStorageSync: (key) => phone.getStorage(key),
		setStorageSync: (key, value) => phone.setStorage(key, value),
		removeStorageSync: (key) => phone.removeStorage(key),
	};
}

function deviceApi(phone) {
	return {
		getDeviceInfo: () => phone.deviceInfo(),
		getSystemInfoSync: () => Object.assign({ SDKVersion: '3.4.0', language: 'zh_CN', pixelRatio: 3 }, phone.deviceInfo()),
	};
}

/** wx of the WeChat client. */
function wxStandIn(phone) {
	return Object.assign({
		login: api(phone, () => phone.login(), { promise: true }),
		request: api(phone, (options) => phone.request(options), { promise: false, task: true }),
		uploadFile: api(phone, (options) => phone.upload(options), { promise: false, task: true }),
	}, storageApi(phone), deviceApi(phone));
}

/** uni of uni-app (Vue 3): callbacks, or promises without them. */
function uniStandIn(phone) {
	return Object.assign({
		login: api(phone, () => phone.login(), { promise: true }),
		request: api(phone, (options) => phone.request(options), { promise: true, task: true }),
		uploadFile: api(phone, (options) => phone.upload(options), { promise: true, task: true }),
	}, storageApi(phone), deviceApi(phone));
}

/** Taro of @tarojs/taro: promises, whether callbacks are given or not. */
function taroStandIn(phone) {
	const always = (work) => (options = {}) => {
		const running = settle(options, () => work(options));
		if (hasCallback(options)) {
			running.catch(() => undefined);
		}
		return running;
	};
	return Object.assign({
		login: always(() => phone.login()),
		request: always((options) => phone.request(options)),
		uploadFile: always((options) => phone.upload(options)),
	}, storageApi(phone), deviceApi(phone));
}

module.exports = { wxStandIn, uniStandIn, taroStandIn };
