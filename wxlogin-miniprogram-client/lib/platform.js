'use strict';
// What wx and uni share: APIs that take success and fail callbacks, the same names, the same replies.

function call(api, name, options) {
	return new Promise((resolve, reject) => {
		api[name](Object.assign({}, options, { success: resolve, fail: reject }));
	});
}

/**
 * A platform over an object with wx's callback APIs: wx itself, or uni.
 * @param {object} api
 * @param {object} [loginOptions] what login() is called with
 */
function callbackPlatform(api, loginOptions) {
	if (!api || typeof api.request !== 'function') {
		throw new TypeError('wxlogin: the platform object (wx or uni) has no request()');
	}
	return {
		request: (options) => call(api, 'request',
			{ url: options.url, method: options.method, data: options.data, header: options.header }),
		upload: (options) => call(api, 'uploadFile',
			{ url: options.url, filePath: options.filePath, name: options.name, header: options.header }),
		login: () => call(api, 'login', loginOptions || {}).then((result) => result.code),
		getStorage: (key) => api.getStorageSync(key),
		setStorage: (key, value) => api.setStorageSync(key, value),
		removeStorage: (key) => api.removeStorageSync(key),
		// getDeviceInfo from base library 2.20.1 on; getSystemInfoSync before it
		deviceInfo: () => (typeof api.getDeviceInfo === 'function' ? api.getDeviceInfo() : api.getSystemInfoSync()),
	};
}

module.exports = { callbackPlatform };
