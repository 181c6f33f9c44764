package io.github.wxlogin.login;

import org.jspecify.annotations.Nullable;

/**
 * A silent login: the one-time code of {@code wx.login()} and the mini program it came from.
 *
 * @param code the one-time code
 * @param appid the mini program's AppID, or {@code null} for the default one
 */
public record SignInRequest(String code, @Nullable String appid) {

	@Override
	public String toString() {
		return "SignInRequest[appid=" + this.appid + "]";
	}

}
