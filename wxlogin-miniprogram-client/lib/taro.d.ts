import type { ClientOptions, Platform, WxLoginClient } from './index';

/** The promise APIs of Taro (the default export of @tarojs/taro) that the client uses. */
export interface TaroApi {
	request(options: object): Promise<any>;
	uploadFile(options: object): Promise<any>;
	login(options?: object): Promise<{ code: string }>;
	getStorageSync(key: string): any;
	setStorageSync(key: string, value: any): void;
	removeStorageSync(key: string): void;
	getDeviceInfo?(): { model?: string; platform?: string; system?: string };
	getSystemInfoSync(): { model?: string; platform?: string; system?: string };
}

/** The platform of a Taro project. */
export declare function taroPlatform(Taro: TaroApi): Platform;

/** createClient with taroPlatform(options.Taro). */
export declare function createTaroClient(options: Omit<ClientOptions, 'platform'> & { Taro: TaroApi }): WxLoginClient;

export * from './index';
