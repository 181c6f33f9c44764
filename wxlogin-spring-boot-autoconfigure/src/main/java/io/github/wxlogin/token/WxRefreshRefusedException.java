package io.github.wxlogin.token;

import io.github.wxlogin.session.WxSessionEndReason;

/**
 * A refresh token that does not work, with why: the reason its session ended, or
 * {@link WxSessionEndReason#EXPIRED} for one that expired or that the store does not know (a token is
 * forgotten once expired, so one never issued reads the same).
 */
public class WxRefreshRefusedException extends RuntimeException {

	private final WxSessionEndReason reason;

	/**
	 * Create an exception.
	 * @param reason why the refresh token does not work
	 */
	public WxRefreshRefusedException(WxSessionEndReason reason) {
		super("The refresh token does not work: " + reason.code(), null, false, false);
		this.reason = reason;
	}

	/**
	 * Return why the refresh token does not work.
	 * @return the reason
	 */
	public WxSessionEndReason reason() {
		return this.reason;
	}

}
