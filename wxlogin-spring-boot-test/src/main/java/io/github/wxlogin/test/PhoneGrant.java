package io.github.wxlogin.test;

import org.jspecify.annotations.Nullable;

/**
 * What a phone code grants.
 *
 * @param phone the phone number
 * @param openid the only user who may redeem the code, or {@code null} for anyone
 */
record PhoneGrant(PhoneNumber phone, @Nullable String openid) {

	boolean redeemableBy(@Nullable String caller) {
		return this.openid == null || caller == null || this.openid.equals(caller);
	}

}
