package io.github.wxlogin.wechat;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The reply of {@code code2Session}. The session key never appears in {@link #toString()}.
 *
 * @param openid the user's openid
 * @param sessionKey the session key, Base64 of 16 bytes; it never leaves the server
 * @param unionid the user's unionid, only when the mini program is bound to an Open Platform account
 */
public record WxSession(String openid, @JsonProperty("session_key") String sessionKey, @Nullable String unionid) {

	@Override
	public String toString() {
		return "WxSession[openid=" + this.openid + ", unionid=" + this.unionid + "]";
	}

}
