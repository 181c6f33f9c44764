'use strict';
// The core, for any platform: createClient({baseUrl, platform}) with an adapter of wx.js, uni.js or
// taro.js, or one of your own.
const { WxLoginClient, createClient } = require('./client');
const { ErrorCode, ClientErrorCode, SessionEndReason, LogoutReason, WxLoginError, isRenewable } = require('./errors');

module.exports = {
	WxLoginClient,
	createClient,
	ErrorCode,
	ClientErrorCode,
	SessionEndReason,
	LogoutReason,
	WxLoginError,
	isRenewable,
};
