'use strict';
// Native mini programs: the `wx` object, with its callback APIs.
const { createClient } = require('./client');
const { callbackPlatform } = require('./platform');

/**
 * The platform of a native mini program.
 * @param {object} [api] the `wx` object; the global one by default
 */
function wxPlatform(api) {
	return callbackPlatform(api || wx);
}

/**
 * A client for a native mini program: createClient with wxPlatform().
 */
function createWxClient(options) {
	return createClient(Object.assign({ platform: wxPlatform(options && options.wx) }, options));
}

module.exports = Object.assign({}, require('./index'), { wxPlatform, createWxClient });
