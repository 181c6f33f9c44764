package io.github.wxlogin.session;

import org.jspecify.annotations.Nullable;

/**
 * Where a login came from, kept with its session: the client's IP address, a short summary of its
 * {@code User-Agent} and the device label it sent. Every part is optional and cleaned as it is made.
 *
 * @param ip the client's address as the request saw it (behind a proxy, only what the host's forwarded
 * header handling made of it)
 * @param userAgent the summary of the client's {@code User-Agent}
 * @param device the device label the client sent at login
 */
public record WxLoginOrigin(@Nullable String ip, @Nullable String userAgent, @Nullable WxLoginDevice device) {

	/** IPv6 addresses with a zone are the longest at 45 characters or so; this leaves room. */
	private static final int MAX_IP_LENGTH = 64;

	/** A login whose origin is not known, such as one made by the host's own code. */
	public static final WxLoginOrigin UNKNOWN = new WxLoginOrigin(null, null, null);

	public WxLoginOrigin {
		ip = SessionText.clean(ip, MAX_IP_LENGTH);
		userAgent = SessionText.clean(userAgent, UserAgentSummary.MAX_LENGTH);
	}

	/**
	 * Make the origin of a login request.
	 * @param ip the request's remote address
	 * @param userAgentHeader the request's {@code User-Agent} header as sent, summarised here
	 * @param device the device label the client sent, or {@code null}
	 * @return the origin
	 */
	public static WxLoginOrigin of(@Nullable String ip, @Nullable String userAgentHeader,
			@Nullable WxLoginDevice device) {
		return new WxLoginOrigin(ip, UserAgentSummary.of(userAgentHeader), device);
	}

}
