package io.github.wxlogin;

/**
 * A phone number WeChat vouched for.
 *
 * @param phoneNumber the number with its area code for numbers outside China
 * @param purePhoneNumber the number without area code
 * @param countryCode the country code, such as {@code 86}
 */
public record WxPhone(String phoneNumber, String purePhoneNumber, String countryCode) {
}
