// A fourth platform in a few dozen lines, Node's fetch, and every flow of the client against the sample
// app in demo mode (whose /demo endpoints play the WeChat client and hand out login codes).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createClient, ClientErrorCode, LogoutReason, WxLoginError, type Platform, type LoggedOutEvent } from 'wxlogin-miniprogram';

const baseUrl = process.env.WXLOGIN_BASE_URL ?? 'http://127.0.0.1:8080';
const avatar = process.env.WXLOGIN_AVATAR ?? '';
const storage = new Map<string, unknown>();

async function reply(response: Response) {
	const text = await response.text();
	let data: unknown = text;
	try {
		data = JSON.parse(text);
	}
	catch {
		// not JSON: handed over as text, as wx.request does
	}
	return { statusCode: response.status, data, header: Object.fromEntries(response.headers) };
}

const node: Platform = {
	request: async ({ url, method, data, header }) =>
		reply(await fetch(url, { method, headers: header, body: data === undefined ? undefined : JSON.stringify(data) })),
	upload: async ({ url, filePath, name, header }) => {
		const form = new FormData();
		form.append(name, new Blob([readFileSync(filePath)], { type: 'image/png' }), 'avatar.png');
		return reply(await fetch(url, { method: 'POST', headers: header, body: form }));
	},
	login: async () => {
		const response = await fetch(baseUrl + '/demo/wx-login', {
			method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'consumer-' + Date.now() }),
		});
		return ((await response.json()) as { code: string }).code;
	},
	getStorage: (key) => storage.get(key),
	setStorage: (key, value) => storage.set(key, value),
	removeStorage: (key) => storage.delete(key),
	deviceInfo: () => ({ model: 'Node ' + process.version, platform: process.platform, system: 'consumer test' }),
};

async function main() {
	const client = createClient({ baseUrl, platform: node });
	const loggedOut: LoggedOutEvent[] = [];
	client.on('loggedOut', (event) => loggedOut.push(event));

	const session = await client.ensureLogin();
	console.log('logged in as', session.user.openid, 'phoneBound', session.phoneBound);

	const hello = await client.request<{ message: string; openid: string }>({ path: '/api/hello' });
	assert.equal(hello.openid, session.user.openid);
	console.log(hello.message);

	const user = await client.saveProfile({ nickname: 'Consumer' });
	assert.equal(user.nickname, 'Consumer');
	if (avatar) {
		const uploaded = await client.uploadAvatar(avatar);
		assert.match(uploaded.avatarUrl, /^http/);
		console.log('avatar', uploaded.avatarUrl);
	}

	const sessions = await client.sessions();
	assert.deepEqual(sessions.map((each) => each.current), [true]);
	assert.equal(sessions[0].device?.system, 'consumer test');

	await client.logout();
	assert.deepEqual(loggedOut, [{ reason: LogoutReason.LOGGED_OUT, code: undefined }]);
	await assert.rejects(client.request({ path: '/api/hello' }),
		(error: unknown) => error instanceof WxLoginError && error.code === ClientErrorCode.NOT_LOGGED_IN);
	console.log('the consumer example passed');
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
