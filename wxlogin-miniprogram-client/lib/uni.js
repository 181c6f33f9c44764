'use strict';
// uni-app: the `uni` object. Its APIs take the same callbacks as wx's on every platform it builds for.
const { createClient } = require('./client');
const { callbackPlatform } = require('./platform');

/**
 * The platform of a uni-app project.
 * @param {object} [api] the `uni` object; the global one by default
 */
function uniPlatform(api) {
	// The provider matters in an app build, where uni.login can be another's; a mini program ignores it
	return callbackPlatform(api || uni, { provider: 'weixin' });
}

/**
 * A client for a uni-app project: createClient with uniPlatform().
 */
function createUniClient(options) {
	return createClient(Object.assign({ platform: uniPlatform(options && options.uni) }, options));
}

module.exports = Object.assign({}, require('./index'), { uniPlatform, createUniClient });
