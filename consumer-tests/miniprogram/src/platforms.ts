// The three adapters as a mini program's code uses them: type-checked only (there is no wx, uni or Taro here).
import { createWxClient, type CallbackApi } from 'wxlogin-miniprogram/wx';
import { createUniClient } from 'wxlogin-miniprogram/uni';
import { createTaroClient, type TaroApi } from 'wxlogin-miniprogram/taro';
import { ErrorCode, SessionEndReason, type LoggedOutEvent } from 'wxlogin-miniprogram';

declare const wx: CallbackApi;
declare const uni: CallbackApi;
declare const Taro: TaroApi;

export function clients() {
	const native = createWxClient({ baseUrl: 'https://api.example.com', wx });
	const uniApp = createUniClient({ baseUrl: 'https://api.example.com', uni, appid: 'wx0123456789abcdef' });
	const taro = createTaroClient({ baseUrl: 'https://api.example.com', Taro, retry: { maxDelay: 30 } });
	native.on('loggedOut', (event: LoggedOutEvent) => {
		if (event.reason === SessionEndReason.SESSION_REPLACED || event.code === ErrorCode.ACCOUNT_DISABLED) {
			console.log('tell the user', event.reason);
		}
	});
	return [native, uniApp, taro];
}
