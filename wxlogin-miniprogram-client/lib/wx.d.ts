import type { ClientOptions, Platform, WxLoginClient } from './index';

/** The callback APIs of wx (and uni) that the client uses. */
export interface CallbackApi {
	request(options: object): unknown;
	uploadFile(options: object): unknown;
	login(options: object): unknown;
	getStorageSync(key: string): any;
	setStorageSync(key: string, value: any): void;
	removeStorageSync(key: string): void;
	getDeviceInfo?(): { model?: string; platform?: string; system?: string };
	getSystemInfoSync(): { model?: string; platform?: string; system?: string };
}

/** The platform of a native mini program; the global wx by default. */
export declare function wxPlatform(api?: CallbackApi): Platform;

/** createClient with wxPlatform(). */
export declare function createWxClient(options: Omit<ClientOptions, 'platform'> & { wx?: CallbackApi }): WxLoginClient;

export * from './index';
