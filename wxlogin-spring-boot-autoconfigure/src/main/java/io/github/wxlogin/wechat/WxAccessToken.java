package io.github.wxlogin.wechat;

import java.time.Instant;

/**
 * An access token of WeChat's server API. The token never appears in {@link #toString()}.
 *
 * @param token the token
 * @param expiresAt when WeChat stops accepting it
 */
public record WxAccessToken(String token, Instant expiresAt) {

	@Override
	public String toString() {
		return "WxAccessToken[expiresAt=" + this.expiresAt + "]";
	}

}
