package io.github.wxlogin;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

/**
 * The caller of a guarded endpoint, read from a validated access token. Host controllers receive it
 * with {@code @AuthenticationPrincipal WxPrincipal caller}.
 *
 * @param userId the user's id ({@code sub} of the access token)
 * @param openid the user's openid within the mini program
 * @param appid the mini program the user logged in to
 * @param tenant the tenant of the user's account ({@link WxTenant#DEFAULT} for a token issued before
 * tenants, which carries none)
 */
public record WxPrincipal(String userId, String openid, String appid, String tenant) implements Principal {

	/**
	 * A caller of the {@link WxTenant#DEFAULT default} tenant.
	 * @param userId the user's id ({@code sub} of the access token)
	 * @param openid the user's openid within the mini program
	 * @param appid the mini program the user logged in to
	 */
	public WxPrincipal(String userId, String openid, String appid) {
		this(userId, openid, appid, WxTenant.DEFAULT);
	}

	@Override
	public String getName() {
		return this.userId;
	}

	/** Masks the openid, which identifies a person, so that log lines never show it whole. */
	@Override
	public String toString() {
		return "WxPrincipal[userId=" + this.userId + ", openid=" + maskOpenid(this.openid)
				+ ", appid=" + this.appid + ", tenant=" + this.tenant + "]";
	}

	/**
	 * Mask an openid as log lines show it: a few characters at each end. An openid masked already stays
	 * as it is.
	 * @param openid the openid, or {@code null}
	 * @return the masked openid, or {@code null}
	 */
	public static @Nullable String maskOpenid(@Nullable String openid) {
		if (openid == null || openid.contains("****")) {
			return openid;
		}
		int shown = Math.min(4, openid.length() / 4);
		return openid.substring(0, shown) + "****" + openid.substring(openid.length() - shown);
	}

}
