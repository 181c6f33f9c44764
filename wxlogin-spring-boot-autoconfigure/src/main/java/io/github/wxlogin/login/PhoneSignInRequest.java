package io.github.wxlogin.login;

import io.github.wxlogin.session.WxLoginOrigin;
import org.jspecify.annotations.Nullable;

/**
 * A phone-number login ("手机号快捷登录"): a fresh {@code wx.login()} code, which tells who the user is in
 * the mini program, and the {@code getPhoneNumber} code, which gives the phone number WeChat vouches for.
 *
 * @param loginCode the one-time code of {@code wx.login()}
 * @param phoneCode the one-time code of {@code <button open-type="getPhoneNumber">}
 * @param appid the mini program's AppID, or {@code null} for the default one
 * @param origin the client's address, user agent and device label
 */
public record PhoneSignInRequest(String loginCode, String phoneCode, @Nullable String appid, WxLoginOrigin origin) {

	@Override
	public String toString() {
		return "PhoneSignInRequest[appid=" + this.appid + "]";
	}

}
