package io.github.wxlogin.test;

/**
 * A phone number as WeChat hands it out, in {@code phone_info} and in encrypted data.
 * The country code is a string, as in WeChat's real replies.
 *
 * @param phoneNumber the number, with its country code outside China
 * @param purePhoneNumber the number without country code
 * @param countryCode the country code
 * @param watermark the watermark
 */
record PhoneInfo(String phoneNumber, String purePhoneNumber, String countryCode, Watermark watermark) {

	static PhoneInfo of(PhoneNumber phone, Watermark watermark) {
		return new PhoneInfo(phone.phoneNumber(), phone.purePhoneNumber(), phone.countryCode(), watermark);
	}

}
