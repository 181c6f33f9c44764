// Calls to the back end with the Bearer token. A 401 renews the tokens once (refresh, or a new login
// when the refresh token is refused too) and repeats the call.
const { ApiError, send, isOk } = require('./http');
const session = require('./session');

/**
 * Call the back end and resolve with the reply's body; reject with an ApiError on an error status.
 * @param {{path: string, method?: string, data?: object}} options
 */
async function request(options) {
	let current = session.current();
	if (!current) {
		current = await session.login();
	}
	let reply = await send({ ...options, accessToken: current.accessToken });
	if (reply.statusCode === 401) {
		const renewed = await session.renew(current.accessToken);
		reply = await send({ ...options, accessToken: renewed.accessToken });
	}
	if (!isOk(reply)) {
		throw new ApiError(reply);
	}
	return reply.data;
}

module.exports = { request, ApiError };
