// The avatar the user picked with <button open-type="chooseAvatar"> is a temporary file on the phone:
// it must be uploaded to the host's own storage before its URL can be saved in the profile.
const config = require('../config');
const session = require('./session');

/**
 * Upload the chosen avatar; resolve with its https URL, or null when no upload endpoint is configured.
 */
function uploadAvatar(tempFilePath) {
	if (!config.avatarUploadUrl) {
		return Promise.resolve(null);
	}
	const current = session.current();
	return new Promise((resolve, reject) => {
		wx.uploadFile({
			url: config.avatarUploadUrl,
			filePath: tempFilePath,
			name: 'file',
			header: current ? { Authorization: 'Bearer ' + current.accessToken } : {},
			success: (reply) => {
				const body = typeof reply.data === 'string' ? JSON.parse(reply.data) : reply.data;
				if (reply.statusCode !== 200 || !body || !body.url) {
					reject(new Error('avatar upload failed: HTTP ' + reply.statusCode));
					return;
				}
				resolve(body.url);
			},
			fail: (error) => reject(new Error(error.errMsg || 'avatar upload failed')),
		});
	});
}

module.exports = { uploadAvatar };
