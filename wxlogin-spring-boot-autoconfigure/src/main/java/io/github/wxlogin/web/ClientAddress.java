package io.github.wxlogin.web;

import io.github.wxlogin.session.WxLoginDevice;
import io.github.wxlogin.session.WxLoginOrigin;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Where a request came from, as the servlet container saw it: the remote address (behind a proxy, what
 * the host's forwarded-header handling made of it, {@code server.forward-headers-strategy}; the
 * {@code X-Forwarded-For} header itself is never read here, since any client can send it) and the
 * {@code User-Agent}, and the mini program WeChat names in the {@code Referer}.
 *
 * @param ip the remote address
 * @param userAgent the {@code User-Agent} header as sent
 * @param refererAppid the AppID of WeChat's {@code Referer}, or {@code null}
 */
record ClientAddress(@Nullable String ip, @Nullable String userAgent, @Nullable String refererAppid) {

	static ClientAddress of(HttpServletRequest request) {
		return new ClientAddress(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT),
				WeChatReferer.appidOf(request.getHeader(HttpHeaders.REFERER)));
	}

	/**
	 * Return the app a login is for: the one its body names, else the one WeChat's {@code Referer} names.
	 * @param appid the AppID of the body, or {@code null}
	 * @return the AppID, or {@code null} for the default app
	 */
	@Nullable String appid(@Nullable String appid) {
		return (appid != null) ? appid : this.refererAppid;
	}

	WxLoginOrigin origin(@Nullable WxLoginDevice device) {
		return WxLoginOrigin.of(this.ip, this.userAgent, device);
	}

}
