package io.github.wxlogin.login;

import io.github.wxlogin.WxBan;
import io.github.wxlogin.session.WxSessionEndReason;
import org.jspecify.annotations.Nullable;

/**
 * A login use case refused a request, for a {@link Reason}. The message is meant for the client, so it
 * never holds a secret, token, code or session key. A refusal of a token that was valid once says why it
 * stopped working ({@link #endReason()}); the refusal of a disabled account carries its ban.
 */
public class WxLoginException extends RuntimeException {

	private final Reason reason;

	private final @Nullable WxSessionEndReason endReason;

	private final @Nullable WxBan ban;

	/**
	 * Create an exception.
	 * @param reason why the request was refused
	 * @param detail what went wrong, for the client
	 */
	public WxLoginException(Reason reason, String detail) {
		this(reason, detail, null, null);
	}

	/**
	 * Create an exception for a token that was valid once, or a disabled account.
	 * @param reason why the request was refused
	 * @param detail what went wrong, for the client
	 * @param endReason why the token stopped working, or {@code null} when it was never valid
	 * @param ban the ban of a disabled account, or {@code null}
	 */
	public WxLoginException(Reason reason, String detail, @Nullable WxSessionEndReason endReason,
			@Nullable WxBan ban) {
		super(detail);
		this.reason = reason;
		this.endReason = endReason;
		this.ban = ban;
	}

	/**
	 * Return why the request was refused.
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Return why the token presented stopped working, the problem's {@code reason} member.
	 * @return the reason, or {@code null} when the request's token was never valid or is not in question
	 */
	public @Nullable WxSessionEndReason endReason() {
		return this.endReason;
	}

	/**
	 * Return the ban of the disabled account the request was refused for.
	 * @return the ban, or {@code null}
	 */
	public @Nullable WxBan ban() {
		return this.ban;
	}

	/**
	 * The refusal of a refresh token that no longer works.
	 * @param endReason why it stopped working
	 * @return the exception
	 */
	public static WxLoginException invalidRefreshToken(WxSessionEndReason endReason) {
		return new WxLoginException(Reason.INVALID_REFRESH_TOKEN,
				"The refresh token is unknown, expired, revoked or spent.", endReason, null);
	}

	static WxLoginException invalidRequest(String detail) {
		return new WxLoginException(Reason.INVALID_REQUEST, detail);
	}

	/**
	 * The refusal of a request that needs a signed-in caller and has none.
	 * @return the exception
	 */
	public static WxLoginException notSignedIn() {
		return new WxLoginException(Reason.NOT_SIGNED_IN, "A valid Bearer access token is required.");
	}

	/**
	 * The refusal of a token whose user no longer exists.
	 * @return the exception
	 */
	public static WxLoginException userGone() {
		return new WxLoginException(Reason.USER_GONE, "The user of this token no longer exists.",
				WxSessionEndReason.ACCOUNT_DELETED, null);
	}

	/**
	 * The refusal of a token whose mini program is no longer served here.
	 * @return the exception
	 */
	public static WxLoginException appNotServed() {
		return new WxLoginException(Reason.APP_NOT_SERVED, "The token's mini program is no longer served here.");
	}

	/**
	 * The refusal of a login for a mini program this back end does not serve.
	 * @return the exception
	 */
	public static WxLoginException unknownApp() {
		return new WxLoginException(Reason.UNKNOWN_APP, "The AppID names no mini program served here.");
	}

	/**
	 * The refusal of a login or refresh for a mini program switched off in the app registry.
	 * @return the exception
	 */
	public static WxLoginException appDisabled() {
		return new WxLoginException(Reason.APP_DISABLED, "This mini program has been switched off.");
	}

	static WxLoginException accountDisabled(WxBan ban) {
		return new WxLoginException(Reason.ACCOUNT_DISABLED, "This account has been disabled.",
				WxSessionEndReason.ACCOUNT_DISABLED, ban);
	}

	static WxLoginException sessionKeyExpired() {
		return new WxLoginException(Reason.SESSION_KEY_EXPIRED,
				"The WeChat session has expired; call wx.login and log in again.");
	}

	/**
	 * Why a request was refused.
	 */
	public enum Reason {

		/** A value of the request breaks a rule: a field's form, data not made for this mini program. */
		INVALID_REQUEST,

		/** The request has no signed-in caller. */
		NOT_SIGNED_IN,

		/** The caller's user no longer exists. */
		USER_GONE,

		/** The caller's mini program is no longer served here. */
		APP_NOT_SERVED,

		/** A login names (in its body or its Referer) a mini program this back end does not serve. */
		UNKNOWN_APP,

		/** The mini program was switched off in the app registry: its logins and refreshes are refused. */
		APP_DISABLED,

		/** The refresh token is unknown, expired, revoked or spent. */
		INVALID_REFRESH_TOKEN,

		/** No stored session key, or one that no longer decrypts or verifies: the client must log in again. */
		SESSION_KEY_EXPIRED,

		/** The host disabled the account: it cannot log in or refresh. */
		ACCOUNT_DISABLED,

		/** The phone number is bound to another user. */
		PHONE_CONFLICT,

		/** A phone login whose WeChat identity and phone number belong to two different accounts. */
		IDENTITY_CONFLICT,

		/** The caller has no session or linked identity of that id (another account's counts as none). */
		NOT_FOUND,

		/** The nickname failed WeChat's content check. */
		CONTENT_REJECTED,

		/** An avatar over the size limit, or whose header declares more pixels than the limit. */
		IMAGE_TOO_LARGE,

		/** An avatar that is not a JPEG, PNG or WebP image by its bytes, or that does not decode. */
		UNSUPPORTED_IMAGE,

		/** No avatar is kept under this id. */
		AVATAR_NOT_FOUND

	}

}
