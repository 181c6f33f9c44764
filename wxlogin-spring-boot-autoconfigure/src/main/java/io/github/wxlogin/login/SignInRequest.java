package io.github.wxlogin.login;

import io.github.wxlogin.session.WxLoginOrigin;
import org.jspecify.annotations.Nullable;

/**
 * A silent login: the one-time code of {@code wx.login()}, the mini program it came from, and where the
 * request came from (kept with the new session).
 *
 * @param code the one-time code
 * @param appid the mini program's AppID, or {@code null} for the default one
 * @param origin the client's address, user agent and device label
 */
public record SignInRequest(String code, @Nullable String appid, WxLoginOrigin origin) {

	/**
	 * A login whose origin is not known, such as one the host's own code makes.
	 * @param code the one-time code
	 * @param appid the mini program's AppID, or {@code null} for the default one
	 */
	public SignInRequest(String code, @Nullable String appid) {
		this(code, appid, WxLoginOrigin.UNKNOWN);
	}

	@Override
	public String toString() {
		return "SignInRequest[appid=" + this.appid + "]";
	}

}
