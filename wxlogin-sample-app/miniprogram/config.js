// The one place that says where the back end is.
module.exports = {
	// The sample app. In WeChat DevTools tick "Does not verify valid domain names" (不校验合法域名) to call
	// http://localhost; a published mini program may only call https domains listed in its settings.
	baseUrl: 'http://localhost:8080',
};
