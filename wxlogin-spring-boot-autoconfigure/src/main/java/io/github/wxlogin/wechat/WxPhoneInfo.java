package io.github.wxlogin.wechat;

import org.jspecify.annotations.Nullable;

/**
 * The phone number WeChat returns for a {@code getPhoneNumber} code or in decrypted legacy data.
 *
 * @param phoneNumber the number with its area code for numbers outside China
 * @param purePhoneNumber the number without area code
 * @param countryCode the country code (WeChat sends a string, its docs a number: both are read)
 * @param watermark the appid and time the number was issued for
 */
public record WxPhoneInfo(String phoneNumber, String purePhoneNumber, String countryCode,
		@Nullable Watermark watermark) {

	/**
	 * Proof of which mini program the data was made for.
	 *
	 * @param appid the mini program's AppID
	 * @param timestamp when WeChat made the data, in epoch seconds
	 */
	public record Watermark(@Nullable String appid, long timestamp) {
	}

}
