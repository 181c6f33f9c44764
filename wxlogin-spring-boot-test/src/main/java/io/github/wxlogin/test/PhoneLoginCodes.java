package io.github.wxlogin.test;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The codes of a phone-number login, in the shape of the body of {@code POST /wx/login/phone}: sent as
 * JSON as they are, they log the user in.
 *
 * @param loginCode the {@code wx.login()} code
 * @param phoneCode the {@code getPhoneNumber} code
 * @param appid the mini program, or {@code null} for the primary one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhoneLoginCodes(String loginCode, String phoneCode, @Nullable String appid) {

	/** Codes are one-time credentials: they stay out of test logs. */
	@Override
	public String toString() {
		return "PhoneLoginCodes[appid=" + this.appid + "]";
	}

}
