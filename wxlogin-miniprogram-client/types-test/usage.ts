// A typed use of every entry point: `npm run typecheck` fails when the declarations and this disagree.
import { createClient, ErrorCode, ClientErrorCode, SessionEndReason, LogoutReason, WxLoginError } from 'wxlogin-miniprogram';
import type { LoggedOutEvent, Platform, StoredSession, User } from 'wxlogin-miniprogram';
import { createWxClient, wxPlatform, type CallbackApi } from 'wxlogin-miniprogram/wx';
import { createUniClient } from 'wxlogin-miniprogram/uni';
import { createTaroClient, type TaroApi } from 'wxlogin-miniprogram/taro';

declare const wx: CallbackApi;
declare const uni: CallbackApi;
declare const Taro: TaroApi;

const native = createWxClient({ baseUrl: 'https://api.example.com' });
createWxClient({ baseUrl: 'https://api.example.com', wx, refreshAhead: 60, retry: { attempts: 2 } });
createUniClient({ baseUrl: 'https://api.example.com', uni });
createTaroClient({ baseUrl: 'https://api.example.com', Taro, basePath: '/auth' });

const platform: Platform = wxPlatform(wx);
const client = createClient({ baseUrl: 'https://api.example.com', platform, appid: 'wx0123456789abcdef' });

async function flows(): Promise<void> {
	const session: StoredSession = await native.ensureLogin();
	const user: User = session.user;
	const phoneBound: boolean = native.phoneBound;
	const off = native.on('loggedOut', (event: LoggedOutEvent) => {
		if (event.reason === SessionEndReason.SESSION_REPLACED || event.reason === LogoutReason.LOGGED_OUT) {
			console.log(event.code);
		}
	});
	off();
	native.on('loggedIn', (event) => console.log(event.newUser, event.method === 'phone'));
	const phoneLogin = await client.loginWithPhone({ detail: { code: 'phone-code' } });
	const isNew: boolean = phoneLogin.newUser;
	const hello = await client.request<{ message: string }>({ path: '/api/hello' });
	const message: string = hello.message;
	const { avatarUrl, checking } = await client.uploadAvatar('wxfile://tmp.png');
	await client.saveProfile({ nickname: 'Xiao Ming', avatarUrl });
	const phone = await client.bindPhone('code');
	const sessions = await client.sessions();
	await client.endSession(sessions.filter((each) => !each.current)[0].id);
	await client.logout({ everywhere: true });
	const deleted = await client.deleteAccount();
	console.log(user, phoneBound, isNew, message, checking, phone.purePhoneNumber, deleted && deleted.deletionScheduledAt);
	try {
		await client.me();
	}
	catch (error) {
		if (error instanceof WxLoginError && (error.code === ErrorCode.RATE_LIMITED || error.code === ClientErrorCode.NETWORK_ERROR)) {
			console.log(error.retryAfter, error.reason, error.status);
		}
	}
}

flows();
