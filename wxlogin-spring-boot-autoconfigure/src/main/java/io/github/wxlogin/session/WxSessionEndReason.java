package io.github.wxlogin.session;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Why a token that was once valid stopped working: the {@code reason} member of a 401 {@code unauthorized}
 * for such an access token and of every refused refresh, and the reason of the audit trail's
 * {@code SESSION_ENDED}. It travels with the revocation (the session's or the refresh-token family's), so
 * every instance answers with the same reason. A client renews silently on {@link #EXPIRED} and tells the
 * user otherwise.
 */
public enum WxSessionEndReason {

	/** The token outlived its lifetime: an access token is renewed with the refresh token, silently. */
	EXPIRED,

	/** The user ended the session: logout, log out everywhere, or ending it from another device. */
	SESSION_ENDED,

	/** A newer login of the account ended it, beyond the mini program's {@code sessions.max-per-account}. */
	SESSION_REPLACED,

	/** The host ended it: its back office or its own code through the session API. */
	SESSION_REVOKED,

	/** The host disabled the account. */
	ACCOUNT_DISABLED,

	/** The account was deleted. */
	ACCOUNT_DELETED,

	/** The account was merged into another one. */
	ACCOUNT_MERGED,

	/** The session was not used for longer than {@code sessions.idle-timeout}. */
	IDLE_TIMEOUT,

	/** A refresh token of the session that was spent before was presented again. */
	REUSE_DETECTED;

	/**
	 * Return the reason as the {@code reason} member spells it, such as {@code session_replaced}.
	 * @return the code
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the reason a stored code names.
	 * @param code a {@link #code()}, or {@code null}
	 * @return the reason, or empty for {@code null} or a code this version does not know
	 */
	public static Optional<WxSessionEndReason> ofCode(@Nullable String code) {
		if (code == null) {
			return Optional.empty();
		}
		for (WxSessionEndReason reason : values()) {
			if (reason.code().equals(code)) {
				return Optional.of(reason);
			}
		}
		return Optional.empty();
	}

}
