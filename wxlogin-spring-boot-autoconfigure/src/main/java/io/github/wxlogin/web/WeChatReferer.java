package io.github.wxlogin.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The AppID WeChat names in the {@code Referer} of every {@code wx.request} a mini program makes:
 * {@code https://servicewechat.com/{appid}/{version}/page-frame.html}. Anything else names no app.
 */
final class WeChatReferer {

	private static final String HOST = "servicewechat.com";

	// the version is a number, "devtools" or "0" for a development build
	private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9_-]{1,64})/[A-Za-z0-9_.-]{1,32}/page-frame\\.html");

	private WeChatReferer() {
	}

	/**
	 * Return the AppID a {@code Referer} header names.
	 * @param referer the header, or {@code null}
	 * @return the AppID, or {@code null} when the header is not WeChat's
	 */
	static @Nullable String appidOf(@Nullable String referer) {
		if (referer == null || referer.length() > 256) {
			return null;
		}
		try {
			URI uri = new URI(referer);
			if (!"https".equals(uri.getScheme()) || !HOST.equals(uri.getHost()) || uri.getRawPath() == null) {
				return null;
			}
			Matcher path = PATH.matcher(uri.getRawPath());
			return path.matches() ? path.group(1) : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
