package io.github.wxlogin.test;

import org.jspecify.annotations.Nullable;

/**
 * What a phone code grants.
 *
 * @param appid the AppID of the mini program the code was issued in
 * @param phone the phone number
 * @param openid the only user who may redeem the code, or {@code null} for any user
 */
record PhoneGrant(String appid, PhoneNumber phone, @Nullable String openid) {

	/**
	 * Check that a call may redeem this code.
	 * @param callerAppid the AppID of the caller's access token
	 * @param callerOpenid the openid the caller named, or {@code null} when none
	 * @return {@code true} when the call may redeem it
	 * @throws WeChatApiError 40013 when the code belongs to another mini program
	 */
	boolean redeemableBy(String callerAppid, @Nullable String callerOpenid) {
		if (!this.appid.equals(callerAppid)) {
			throw new WeChatApiError(40013);
		}
		return this.openid == null || callerOpenid == null || this.openid.equals(callerOpenid);
	}

}
