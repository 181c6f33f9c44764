package io.github.wxlogin.event;

import io.github.wxlogin.WxPrincipal;
import org.jspecify.annotations.Nullable;

/**
 * WeChat's risk verdict (getuserriskrank) on a user about to get a new account, as the starter's risk check
 * ({@code wx.login.risk-check}) asked and acted on it. Published as a Spring application event once per
 * check: after the account is created when the user was let through (with its id, so that a host can keep
 * the rank on its own record of the account), or when the login was refused. It never carries a token, a
 * code, a session key, a phone number or a whole openid.
 *
 * @param accountId the account created, or {@code null} when the login was refused
 * @param appid the mini program
 * @param openid the user's openid, masked ({@code oAbc****wxyz})
 * @param rank WeChat's rank, 0 (no risk seen) to 4 (high), or {@code null} when WeChat gave none
 * @param decision what the starter did
 */
public record WxRiskVerdictEvent(@Nullable String accountId, String appid, String openid, @Nullable Integer rank,
		Decision decision) {

	public WxRiskVerdictEvent {
		openid = WxPrincipal.maskOpenid(openid);
	}

	/**
	 * What the starter did with a verdict.
	 */
	public enum Decision {

		/** The rank is below the refusing one, or the check only records: the account was created. */
		ALLOWED,

		/** The rank is at or above the refusing one: the login was refused with {@code risky_user}. */
		REFUSED,

		/** WeChat gave no verdict, and the check fails open: the account was created. */
		NO_VERDICT_ALLOWED,

		/** WeChat gave no verdict, and the check fails closed: the login was refused. */
		NO_VERDICT_REFUSED

	}

}
