import type { ClientOptions, Platform, WxLoginClient } from './index';
import type { CallbackApi } from './wx';

/** The platform of a uni-app project; the global uni by default. */
export declare function uniPlatform(api?: CallbackApi): Platform;

/** createClient with uniPlatform(). */
export declare function createUniClient(options: Omit<ClientOptions, 'platform'> & { uni?: CallbackApi }): WxLoginClient;

export * from './index';
