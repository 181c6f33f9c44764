// The demo page plays a mini program: the "WeChat client" calls go to /demo/** (the fake WeChat
// server hands out codes there), and every other call is what a real mini program sends its back end.
'use strict';

const session = {
	accessToken: null,
	refreshToken: null,
	user: null,
	// From every TokenResponse: whether the account has a phone, so the paid phone-login button can stay hidden
	phoneBound: false,
	// The last GET /wx/sessions reply shown in the Sessions panel, or null
	sessions: null,
};

const $ = (id) => document.getElementById(id);

// Long values (tokens, ciphertexts) are cut in the log so that a reply fits on screen
const SHOWN_VALUE_LENGTH = 60;

let exchangeCount = 0;

function openid() {
	return $('openid').value.trim();
}

// The label a login sends for the session list; a mini program sends what wx.getDeviceInfo() says
function device() {
	const agent = navigator.userAgent;
	const browser = [['Edg/', 'Edge'], ['Firefox/', 'Firefox'], ['HeadlessChrome/', 'Headless Chrome'],
		['Chrome/', 'Chrome'], ['Safari/', 'Safari']].find(([mark]) => agent.includes(mark));
	return {
		model: (browser ? browser[1] : 'Browser') + ' (demo page)',
		platform: 'browser',
		system: navigator.platform || 'unknown',
	};
}

function bearer() {
	return session.accessToken ? { Authorization: 'Bearer ' + session.accessToken } : {};
}

async function call(title, method, path, body, options = {}) {
	const headers = { ...(options.headers || {}) };
	const multipart = body instanceof FormData;
	if (body !== undefined && !multipart) {
		headers['Content-Type'] = 'application/json';
	}
	const response = await fetch(path, {
		method,
		headers,
		// The browser writes the multipart boundary into the Content-Type itself
		body: (body === undefined || multipart) ? body : JSON.stringify(body),
	});
	const text = await response.text();
	let data = null;
	if (text) {
		try {
			data = JSON.parse(text);
		}
		catch (e) {
			data = text;
		}
	}
	const shownBody = multipart ? 'multipart/form-data: ' + [...body.keys()].map((name) => name + '=' + body.get(name).name).join(', ')
		: body;
	showExchange({ title, method, path, headers, body: shownBody, status: response.status, data, client: options.client });
	if ((response.status === 401 || response.status === 403) && data && typeof data === 'object' && data.reason) {
		loggedOut(data);
	}
	return { status: response.status, ok: response.ok, data };
}

// Why the back end stopped taking this session's tokens: the "reason" of a 401 (or of a refused refresh),
// one message each, as a mini program would show it
const LOGOUT_MESSAGES = {
	expired: 'The access token expired: press "refresh" (a mini program refreshes without asking the user).',
	session_ended: 'You logged out, or ended this session from another device.',
	session_replaced: 'Your account logged in on another device, which ended this session.',
	session_revoked: 'This session was ended by the service.',
	account_disabled: 'Your account has been disabled.',
	account_deleted: 'Your account has been deleted.',
	account_merged: 'Your account was merged into another one: log in again to continue.',
	idle_timeout: 'This session was unused for too long and has ended: log in again.',
	reuse_detected: 'This session was ended for your safety: its refresh token was used twice.',
};

function loggedOut(problem) {
	let message = LOGOUT_MESSAGES[problem.reason] || 'This session has ended (' + problem.reason + ').';
	if (problem.until) {
		message += ' It can log in again after ' + new Date(problem.until).toLocaleString() + '.';
	}
	if (problem.banReason) {
		message += ' Reason: ' + problem.banReason + '.';
	}
	const shown = $('logout-reason');
	shown.textContent = message;
	shown.dataset.reason = problem.reason;
	shown.hidden = false;
	// Only an expired access token is renewed; the others' tokens are dead
	if (problem.reason !== 'expired') {
		forgetTokens();
	}
}

// What the WeChat client hands the mini program, asked of the demo endpoints
function wechatClient(title, path, body) {
	return call('WeChat client · ' + title, 'POST', path, body, { client: true });
}

const actions = {
	// Silent login, as a mini program does at launch: no button, no prompt
	async login() {
		showLoginError(null);
		const wx = await wechatClient('wx.login()', '/demo/wx-login', { openid: openid() });
		if (!wx.ok) {
			showLoginError(wx);
			return;
		}
		const reply = await call('Log in with the code', 'POST', '/wx/login', { code: wx.data.code, device: device() });
		if (reply.ok) {
			keepTokens(reply.data);
		}
		else {
			showLoginError(reply);
		}
	},

	// 手机号快捷登录: the button's phone code and a fresh wx.login() code, sent together
	async phoneLogin() {
		showLoginError(null);
		const phone = await wechatClient('<button open-type="getPhoneNumber">', '/demo/phone-code',
			{ openid: openid(), phoneNumber: $('phone-number').value.trim() });
		if (!phone.ok) {
			showLoginError(phone);
			return;
		}
		let reply = await loginWithPhone(phone.data.code);
		// The back end exchanges the login code first: when WeChat refused it, the phone code is still unused
		if (reply && problemCode(reply) === 'invalid_code') {
			reply = await loginWithPhone(phone.data.code);
		}
		if (!reply) {
			return;
		}
		if (reply.ok) {
			keepTokens(reply.data);
		}
		else if (problemCode(reply) === 'identity_conflict') {
			// This WeChat user has an account of its own, with another phone: back to it, and the user decides
			await actions.login();
			showLoginError(reply, 'This WeChat user already has an account with another phone number; '
				+ 'you are logged in to it.');
		}
		else {
			showLoginError(reply);
		}
	},

	async phone() {
		showPhoneError(null);
		const wx = await wechatClient('<button open-type="getPhoneNumber">', '/demo/phone-code',
			{ openid: openid(), phoneNumber: $('phone-number').value.trim() });
		if (!wx.ok) {
			showPhoneError(wx);
			return;
		}
		const reply = await call('Bind the phone number', 'POST', '/wx/phone', { code: wx.data.code },
			{ headers: bearer() });
		keepPhone(reply);
	},

	async phoneLegacy() {
		showPhoneError(null);
		const wx = await wechatClient('getPhoneNumber, older clients (encrypted data)', '/demo/encrypted-phone',
			{ openid: openid(), phoneNumber: $('phone-number').value.trim() });
		if (!wx.ok) {
			showPhoneError(wx);
			return;
		}
		const reply = await call('Decrypt and bind the phone number', 'POST', '/wx/phone/decrypt', wx.data,
			{ headers: bearer() });
		keepPhone(reply);
	},

	async profile() {
		const reply = await call('Save nickname and avatar', 'PUT', '/wx/profile',
			{ nickname: $('nickname').value, avatarUrl: $('avatar-url').value.trim() }, { headers: bearer() });
		if (reply.ok) {
			session.user = reply.data;
		}
	},

	// <button open-type="chooseAvatar"> gives a temporary file, which wx.uploadFile sends as the part "file"
	async avatar() {
		const image = await (await fetch('/img/demo-avatar.png')).blob();
		const form = new FormData();
		form.append('file', image, 'tmp_avatar.png');
		const reply = await call('Upload the avatar (wx.uploadFile)', 'POST', '/wx/profile/avatar', form,
			{ headers: bearer() });
		if (reply.ok && session.user) {
			session.user = { ...session.user, avatarUrl: reply.data.avatarUrl };
		}
	},

	async legacyProfile() {
		const wx = await wechatClient('wx.getUserProfile(), older clients', '/demo/user-profile',
			{ openid: openid(), nickname: $('nickname').value, avatarUrl: $('avatar-url').value.trim() });
		if (!wx.ok) {
			return;
		}
		const reply = await call('Save the signed profile', 'POST', '/wx/profile/wechat', wx.data,
			{ headers: bearer() });
		if (reply.ok) {
			session.user = reply.data;
		}
	},

	async hello() {
		await call('Call your own protected API', 'GET', '/api/hello', undefined, { headers: bearer() });
	},

	async refresh() {
		const reply = await call('Refresh the tokens', 'POST', '/wx/token/refresh',
			{ refreshToken: session.refreshToken || '' });
		if (reply.ok) {
			keepTokens(reply.data);
		}
	},

	async logout() {
		const reply = await call('Log out', 'POST', '/wx/logout',
			session.refreshToken ? { refreshToken: session.refreshToken } : {}, { headers: bearer() });
		if (reply.ok) {
			forgetTokens();
		}
	},

	async sessions() {
		const reply = await call('List my sessions', 'GET', '/wx/sessions', undefined, { headers: bearer() });
		session.sessions = reply.ok ? reply.data : null;
	},

	// Another device's login ends: its refresh token is refused from now on, and then its access token
	async endSession(id) {
		const reply = await call('End a session', 'DELETE', '/wx/sessions/' + encodeURIComponent(id), undefined,
			{ headers: bearer() });
		if (reply.ok) {
			await actions.sessions();
		}
	},

	async logoutEverywhere() {
		const reply = await call('Log out everywhere', 'POST', '/wx/logout', { all: true }, { headers: bearer() });
		if (reply.ok) {
			forgetTokens();
		}
	},
};

// POST /wx/login/phone with a fresh wx.login() code; null when the WeChat client gave no code
async function loginWithPhone(phoneCode) {
	const wx = await wechatClient('wx.login()', '/demo/wx-login', { openid: openid() });
	if (!wx.ok) {
		showLoginError(wx);
		return null;
	}
	return call('Log in with the phone number', 'POST', '/wx/login/phone',
		{ loginCode: wx.data.code, phoneCode, device: device() });
}

function problemCode(reply) {
	return (reply.data && typeof reply.data === 'object') ? reply.data.code : undefined;
}

function keepPhone(reply) {
	if (!reply.ok) {
		showPhoneError(reply);
	}
	else if (session.user) {
		session.user.phoneNumber = reply.data.phoneNumber;
		session.phoneBound = true;
	}
}

// The phone panel says why a number was not bound (taken by another user, not logged in, ...)
function showPhoneError(reply) {
	showError($('phone-error'), reply);
}

// The login panel says why a login failed (a refused code, a disabled account, a conflict, ...)
function showLoginError(reply, message) {
	showError($('login-error'), reply, message);
}

function showError(error, reply, message) {
	if (!reply) {
		error.hidden = true;
		error.textContent = '';
		return;
	}
	const problem = (reply.data && typeof reply.data === 'object') ? reply.data : {};
	const code = problem.code ? ' (' + problem.code + ')' : '';
	error.textContent = (message || problem.detail || problem.title || 'The request failed with status ' + reply.status)
		+ code;
	error.hidden = false;
}

function keepTokens(tokens) {
	$('logout-reason').hidden = true;
	session.accessToken = tokens.accessToken;
	session.refreshToken = tokens.refreshToken;
	session.user = tokens.user;
	session.phoneBound = tokens.phoneBound;
	session.sessions = null;
}

function forgetTokens() {
	session.accessToken = null;
	session.refreshToken = null;
	session.user = null;
	session.phoneBound = false;
	session.sessions = null;
}

// Rendering

function showUser() {
	const user = session.user;
	const signedIn = Boolean(session.accessToken);
	const name = user ? (user.nickname || 'WeChat user ' + user.openid) : 'Not logged in';
	$('user-nickname').textContent = name;
	$('session-state').textContent = signedIn ? 'Logged in' : 'Logged out';
	$('session-state').classList.toggle('signed-in', signedIn);
	$('user-id').textContent = user ? user.id : '–';
	$('user-openid').textContent = user ? user.openid : '–';
	$('user-phone').textContent = (user && user.phoneNumber) ? user.phoneNumber : '–';
	// A login page shows the phone-login button to everyone but an account that already has a phone
	const phoneLogin = !(signedIn && session.phoneBound);
	$('btn-phone-login').hidden = !phoneLogin;
	$('phone-login-hint').hidden = !phoneLogin;
	showAvatar(user, name, signedIn);
	showSessions();
}

function showSessions() {
	const list = $('sessions');
	list.hidden = !session.sessions;
	list.replaceChildren(...(session.sessions || []).map((each) => {
		const item = element('li', 'session' + (each.current ? ' current' : ''));
		item.dataset.sessionId = each.id;
		const label = element('div', 'session-label', deviceLabel(each));
		if (each.current) {
			label.append(element('span', 'session-current', 'this device'));
		}
		item.append(label, element('div', 'session-detail', [each.ip, 'logged in ' + shortTime(each.createdAt),
			'last used ' + shortTime(each.lastUsedAt)].filter(Boolean).join(' · ')));
		if (!each.current) {
			const end = element('button', 'session-end danger', 'End');
			end.addEventListener('click', () => run(() => actions.endSession(each.id)));
			item.append(end);
		}
		return item;
	}));
}

function deviceLabel(each) {
	const device = each.device || {};
	const label = [device.model, device.system].filter(Boolean).join(' · ');
	return label || each.userAgent || 'Unknown device';
}

function shortTime(instant) {
	const time = new Date(instant);
	return Number.isNaN(time.getTime()) ? String(instant) : time.toLocaleString();
}

function showAvatar(user, name, signedIn) {
	const avatar = $('user-avatar');
	avatar.classList.toggle('signed-in', signedIn);
	avatar.replaceChildren(user ? name.trim().charAt(0).toUpperCase() : '?');
	if (user && user.avatarUrl) {
		const image = new Image();
		image.alt = '';
		// Until the image loads, and for ever when it does not, the initial stands in
		image.onload = () => avatar.replaceChildren(image);
		image.src = user.avatarUrl;
	}
}

function showExchange(exchange) {
	exchangeCount++;
	const failed = exchange.status >= 400;
	const card = document.createElement('li');
	card.className = 'exchange' + (failed ? ' failed' : '') + (exchange.client ? ' client' : '');
	card.dataset.path = exchange.path;
	card.dataset.status = String(exchange.status);

	const title = element('div', 'exchange-title');
	title.append(element('span', '', exchangeCount + '. ' + exchange.title));
	title.append(element('span', '', exchange.client ? 'played by the demo' : 'your back end'));
	card.append(title);

	const line = element('div', 'exchange-line');
	line.append(element('span', 'method', exchange.method), element('span', 'path', exchange.path));
	card.append(line);

	const shownHeaders = Object.entries(exchange.headers)
		.map(([name, value]) => name + ': ' + shorten(value))
		.join('\n');
	if (shownHeaders) {
		card.append(element('pre', 'headers', shownHeaders));
	}
	if (exchange.body !== undefined) {
		card.append(element('div', 'part', 'request'), element('pre', 'request-body', pretty(exchange.body)));
	}

	const reply = element('div', 'part', 'reply ');
	reply.append(element('span', 'status', String(exchange.status)));
	card.append(reply);
	if (exchange.data !== null) {
		card.append(element('pre', 'reply-body', pretty(exchange.data)));
	}

	$('log').prepend(card);
	$('log-empty').hidden = true;
}

function element(tag, className, text) {
	const node = document.createElement(tag);
	if (className) {
		node.className = className;
	}
	if (text !== undefined) {
		node.textContent = text;
	}
	return node;
}

function pretty(value) {
	if (typeof value === 'string') {
		return value;
	}
	return JSON.stringify(value, (key, field) => (typeof field === 'string' ? shorten(field) : field), 2);
}

function shorten(text) {
	return text.length > SHOWN_VALUE_LENGTH
		? text.slice(0, SHOWN_VALUE_LENGTH) + '… (' + text.length + ' characters)'
		: text;
}

// Wiring

// One step at a time: the phone's buttons wait until its last reply is shown
async function run(action) {
	const buttons = document.querySelectorAll('.phone button');
	buttons.forEach((each) => { each.disabled = true; });
	try {
		await action();
	}
	catch (error) {
		showExchange({ title: 'The request did not complete', method: '', path: String(error), headers: {},
			status: 0, data: null });
	}
	finally {
		buttons.forEach((each) => { each.disabled = false; });
		showUser();
	}
}

function bind(buttonId, action) {
	$(buttonId).addEventListener('click', () => run(action));
}

// Whether the fake WeChat server is there to play the WeChat client
async function showDemoInfo() {
	const info = $('demo-info');
	try {
		const response = await fetch('/demo/info');
		if (!response.ok) {
			throw new Error(String(response.status));
		}
		const demo = await response.json();
		info.replaceChildren('Demo mode: a fake WeChat server runs in the application at ',
			element('code', '', demo.wechatBaseUrl), ' for AppID ', element('code', '', demo.appid), '.');
		return true;
	}
	catch (error) {
		info.textContent = 'Demo mode is off (wx.login.api-base-url is set): the WeChat client steps need '
			+ 'the in-process fake WeChat server, so only the back-end calls work here.';
		return false;
	}
}

// As a mini program does at launch: the silent login, then the page shows what the account needs
async function launch() {
	if (await showDemoInfo()) {
		await run(actions.login);
	}
	document.body.dataset.launched = 'true';
}

function randomOpenid() {
	const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
	let suffix = '';
	for (let i = 0; i < 8; i++) {
		suffix += letters.charAt(Math.floor(Math.random() * letters.length));
	}
	return 'demo-user-' + suffix;
}

// A mainland mobile number of its own for each demo user, so that no visitor finds it bound to another
function randomPhoneNumber() {
	let digits = '';
	for (let i = 0; i < 8; i++) {
		digits += Math.floor(Math.random() * 10);
	}
	return '139' + digits;
}

function start() {
	// One WeChat user per browser, with its own phone number, so that logging in again finds the same user
	const savedOpenid = localStorage.getItem('wxlogin-demo.openid') || randomOpenid();
	const savedPhone = localStorage.getItem('wxlogin-demo.phone') || randomPhoneNumber();
	localStorage.setItem('wxlogin-demo.openid', savedOpenid);
	localStorage.setItem('wxlogin-demo.phone', savedPhone);
	$('openid').value = savedOpenid;
	$('phone-number').value = savedPhone;
	$('openid').addEventListener('change', () => {
		localStorage.setItem('wxlogin-demo.openid', openid());
		// another user: another number
		$('phone-number').value = randomPhoneNumber();
		localStorage.setItem('wxlogin-demo.phone', $('phone-number').value);
	});
	$('phone-number').addEventListener('change',
		() => localStorage.setItem('wxlogin-demo.phone', $('phone-number').value.trim()));

	bind('btn-login', actions.login);
	bind('btn-phone-login', actions.phoneLogin);
	bind('btn-phone', actions.phone);
	bind('btn-phone-legacy', actions.phoneLegacy);
	bind('btn-profile', actions.profile);
	bind('btn-avatar', actions.avatar);
	bind('btn-legacy-profile', actions.legacyProfile);
	bind('btn-hello', actions.hello);
	bind('btn-refresh', actions.refresh);
	bind('btn-logout', actions.logout);
	bind('btn-sessions', actions.sessions);
	bind('btn-logout-all', actions.logoutEverywhere);
	$('btn-clear').addEventListener('click', () => {
		$('log').replaceChildren();
		$('log-empty').hidden = false;
		exchangeCount = 0;
	});

	showUser();
	launch();
}

start();
