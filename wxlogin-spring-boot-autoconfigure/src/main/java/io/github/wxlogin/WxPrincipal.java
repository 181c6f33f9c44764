package io.github.wxlogin;

import java.security.Principal;

/**
 * The caller of a guarded endpoint, read from a validated access token. Host controllers receive it
 * with {@code @AuthenticationPrincipal WxPrincipal caller}.
 *
 * @param userId the user's id ({@code sub} of the access token)
 * @param openid the user's openid within the mini program
 * @param appid the mini program the user logged in to
 */
public record WxPrincipal(String userId, String openid, String appid) implements Principal {

	@Override
	public String getName() {
		return this.userId;
	}

	/** Masks the openid, which identifies a person, so that log lines never show it whole. */
	@Override
	public String toString() {
		return "WxPrincipal[userId=" + this.userId + ", openid=" + WxLoginAuditEvent.maskOpenid(this.openid)
				+ ", appid=" + this.appid + "]";
	}

}
