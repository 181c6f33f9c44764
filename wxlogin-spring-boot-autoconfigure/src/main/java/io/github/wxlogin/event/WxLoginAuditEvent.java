package io.github.wxlogin.event;

import io.github.wxlogin.WxPrincipal;
import org.jspecify.annotations.Nullable;

/**
 * Something happened to an account's sign-in: a login, a refresh, a logout, a session ended, an account
 * disabled, a spent refresh token presented again. Published as a Spring application event once per
 * action, for an audit log; it never carries a token, a code, a session key or a whole openid.
 *
 * @param action what happened
 * @param outcome {@value #SUCCESS}, or why a login or refresh was refused: the lower-case name of the
 * refusal's reason, such as {@code account_disabled}, {@code identity_conflict}, {@code invalid_code} or
 * {@code invalid_refresh_token}
 * @param accountId the account (user id), when known
 * @param appid the mini program, when known
 * @param openid the openid of the identity involved, masked ({@code oAbc****wxyz}), when known
 * @param ip the client's address as the request saw it, when the action came from a request
 * @param sessionId the login session ({@code sid}), when one is involved
 * @param reason why a session ended or a token stopped working, as the {@code reason} member of the
 * problem tells the client ({@code session_ended}, {@code session_replaced}, {@code session_revoked},
 * {@code account_disabled}, {@code account_deleted}, {@code account_merged}, {@code idle_timeout},
 * {@code reuse_detected}, and for a refused refresh also {@code expired}); {@code null} for the other
 * actions
 */
public record WxLoginAuditEvent(Action action, String outcome, @Nullable String accountId, @Nullable String appid,
		@Nullable String openid, @Nullable String ip, @Nullable String sessionId, @Nullable String reason) {

	/** The outcome of an action that was carried out. */
	public static final String SUCCESS = "success";

	public WxLoginAuditEvent {
		openid = WxPrincipal.maskOpenid(openid);
	}

	/**
	 * An event without a reason.
	 * @param action what happened
	 * @param outcome {@value #SUCCESS}, or why a login or refresh was refused
	 * @param accountId the account (user id), when known
	 * @param appid the mini program, when known
	 * @param openid the openid of the identity involved, when known
	 * @param ip the client's address as the request saw it, when the action came from a request
	 * @param sessionId the login session ({@code sid}), when one is involved
	 */
	public WxLoginAuditEvent(Action action, String outcome, @Nullable String accountId, @Nullable String appid,
			@Nullable String openid, @Nullable String ip, @Nullable String sessionId) {
		this(action, outcome, accountId, appid, openid, ip, sessionId, null);
	}

	/**
	 * Return whether the action was carried out.
	 * @return whether the outcome is {@value #SUCCESS}
	 */
	public boolean succeeded() {
		return SUCCESS.equals(this.outcome);
	}

	/**
	 * What happened.
	 */
	public enum Action {

		/** A silent login with a {@code wx.login()} code. */
		LOGIN,

		/** A phone-number login. */
		PHONE_LOGIN,

		/** A refresh token was spent for new tokens. */
		REFRESH,

		/** The caller logged out of its session, or of all of them. */
		LOGOUT,

		/**
		 * A session ended: by its account, by the host, by the limit of sessions per account, with its
		 * account (disabled, deleted, merged) or for being idle; {@link WxLoginAuditEvent#reason()} says which.
		 */
		SESSION_ENDED,

		/** The host disabled the account; its sessions ended, each a {@link #SESSION_ENDED} of {@code account_disabled}. */
		ACCOUNT_DISABLED,

		/** A refresh token that was spent before was presented again; its session ended. */
		REFRESH_REUSE_DETECTED

	}

}
