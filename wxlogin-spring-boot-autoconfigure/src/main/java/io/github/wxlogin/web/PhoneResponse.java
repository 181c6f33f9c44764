package io.github.wxlogin.web;

import io.github.wxlogin.WxPhone;

/**
 * The reply of phone binding: the full number the caller just proved, shown only here.
 *
 * @param phoneNumber the number with its area code for numbers outside China
 * @param purePhoneNumber the number without area code
 * @param countryCode the country code
 */
public record PhoneResponse(String phoneNumber, String purePhoneNumber, String countryCode) {

	static PhoneResponse of(WxPhone phone) {
		return new PhoneResponse(phone.phoneNumber(), phone.purePhoneNumber(), phone.countryCode());
	}

}
