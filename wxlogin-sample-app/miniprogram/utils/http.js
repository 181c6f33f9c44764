// wx.request as a promise, against the configured back end.
const config = require('../config');

/**
 * An error reply of the back end: its problem+json "code" (such as "unauthorized") and HTTP status.
 */
class ApiError extends Error {
	constructor(reply) {
		const problem = (reply.data && typeof reply.data === 'object') ? reply.data : {};
		super(problem.detail || problem.title || ('HTTP ' + reply.statusCode));
		this.name = 'ApiError';
		this.statusCode = reply.statusCode;
		this.code = problem.code;
	}
}

/**
 * Send one request and resolve with the reply whatever its status; reject only when no reply came.
 */
function send({ path, method = 'GET', data, accessToken }) {
	return new Promise((resolve, reject) => {
		const header = { 'content-type': 'application/json' };
		if (accessToken) {
			header.Authorization = 'Bearer ' + accessToken;
		}
		wx.request({
			url: config.baseUrl + path,
			method,
			data,
			header,
			success: resolve,
			fail: (error) => reject(new Error(error.errMsg || 'request failed')),
		});
	});
}

function isOk(reply) {
	return reply.statusCode >= 200 && reply.statusCode < 300;
}

module.exports = { ApiError, send, isOk };
