// The avatar the user picked with <button open-type="chooseAvatar"> is a temporary file on the phone:
// it is uploaded, and the back end keeps it.
const config = require('../config');
const session = require('./session');

function absolute(url) {
	return /^https?:\/\//.test(url) ? url : config.baseUrl + url;
}

/**
 * Upload the chosen avatar. Resolve with {url, saved}: the image's URL, and whether the back end already
 * made it the user's avatar (the starter's endpoint does; an endpoint of your own answers {"url"} and the
 * page saves it with the profile). Resolve with null when no upload endpoint is configured.
 */
function uploadAvatar(tempFilePath) {
	if (!config.avatarUploadUrl) {
		return Promise.resolve(null);
	}
	const current = session.current();
	return new Promise((resolve, reject) => {
		wx.uploadFile({
			url: absolute(config.avatarUploadUrl),
			filePath: tempFilePath,
			name: 'file',
			header: current ? { Authorization: 'Bearer ' + current.accessToken } : {},
			success: (reply) => {
				const body = typeof reply.data === 'string' ? JSON.parse(reply.data) : reply.data;
				const url = body && (body.avatarUrl || body.url);
				if (reply.statusCode !== 200 || !url) {
					reject(new Error('avatar upload failed: HTTP ' + reply.statusCode + (body && body.code ? ' ' + body.code : '')));
					return;
				}
				resolve({ url: absolute(url), saved: Boolean(body.avatarUrl) });
			},
			fail: (error) => reject(new Error(error.errMsg || 'avatar upload failed')),
		});
	});
}

module.exports = { absolute, uploadAvatar };
