// The one place that says where the back end is.
module.exports = {
	// The sample app. In WeChat DevTools tick "Does not verify valid domain names" (不校验合法域名) to call
	// http://localhost; a published mini program may only call https domains listed in its settings.
	baseUrl: 'http://localhost:8080',

	// Where the chosen avatar is uploaded (multipart field "file", with the Bearer token): the starter's
	// POST /wx/profile/avatar (a path on baseUrl), which keeps the image and sets it as the avatar; or the
	// full URL of your own endpoint answering {"url": "https://..."}; or '' to save the nickname only.
	avatarUploadUrl: '/wx/profile/avatar',
};
