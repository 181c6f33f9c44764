'use strict';
// Taro: the `Taro` object of @tarojs/taro, passed in (the package depends on nothing), with its promise APIs.
const { createClient } = require('./client');

/**
 * The platform of a Taro project.
 * @param {object} Taro the default export of @tarojs/taro
 */
function taroPlatform(Taro) {
	if (!Taro || typeof Taro.request !== 'function') {
		throw new TypeError('wxlogin: taroPlatform(Taro) needs the Taro object: import Taro from \'@tarojs/taro\'');
	}
	return {
		request: (options) => Taro.request(
			{ url: options.url, method: options.method, data: options.data, header: options.header }),
		upload: (options) => Taro.uploadFile(
			{ url: options.url, filePath: options.filePath, name: options.name, header: options.header }),
		login: () => Taro.login().then((result) => result.code),
		getStorage: (key) => Taro.getStorageSync(key),
		setStorage: (key, value) => Taro.setStorageSync(key, value),
		removeStorage: (key) => Taro.removeStorageSync(key),
		deviceInfo: () => (typeof Taro.getDeviceInfo === 'function' ? Taro.getDeviceInfo() : Taro.getSystemInfoSync()),
	};
}

/**
 * A client for a Taro project: createClient with taroPlatform(options.Taro).
 */
function createTaroClient(options) {
	return createClient(Object.assign({ platform: taroPlatform(options && options.Taro) }, options));
}

module.exports = Object.assign({}, require('./index'), { taroPlatform, createTaroClient });
