package io.github.wxlogin;

import org.jspecify.annotations.Nullable;

/**
 * A {@link WxAccountStore} or {@link WxUserService} refused a change that would break one of the account
 * model's rules, for a {@link Reason}; nothing is changed. The message names no personal data.
 */
public class WxAccountException extends RuntimeException {

	private final Reason reason;

	/**
	 * Create an exception.
	 * @param reason which rule the change would break
	 * @param message what is refused, without personal data
	 */
	public WxAccountException(Reason reason, String message) {
		this(reason, message, null);
	}

	/**
	 * Create an exception with a cause.
	 * @param reason which rule the change would break
	 * @param message what is refused, without personal data
	 * @param cause the store's own failure, such as a violated unique key, or {@code null}
	 */
	public WxAccountException(Reason reason, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/**
	 * The refusal of a phone number already bound to another account.
	 * @return the exception
	 */
	public static WxAccountException phoneConflict() {
		return new WxAccountException(Reason.PHONE_CONFLICT, "Phone number is already bound to another user");
	}

	/**
	 * The refusal of a WeChat identity that belongs to another account than the one the call needs it in.
	 * @param message which accounts disagree, without personal data
	 * @return the exception
	 */
	public static WxAccountException identityConflict(String message) {
		return new WxAccountException(Reason.IDENTITY_CONFLICT, message);
	}

	/**
	 * The refusal to unlink the last WeChat identity of an account that has no phone.
	 * @return the exception
	 */
	public static WxAccountException lastIdentity() {
		return new WxAccountException(Reason.LAST_IDENTITY,
				"The last WeChat identity of an account without a phone cannot be unlinked");
	}

	/**
	 * The refusal to merge two accounts whose merge would break a rule.
	 * @param message which rule, without personal data
	 * @return the exception
	 */
	public static WxAccountException mergeConflict(String message) {
		return new WxAccountException(Reason.MERGE_CONFLICT, message);
	}

	/**
	 * Return which rule the change would break.
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Which rule of the account model a change would break.
	 */
	public enum Reason {

		/**
		 * The phone number is bound to another account: a phone belongs to at most one account of a tenant,
		 * across the tenant's mini programs.
		 */
		PHONE_CONFLICT,

		/**
		 * The WeChat identity belongs to another account: a phone sign-in whose identity and phone belong to
		 * two accounts, or a link of an identity another account holds.
		 */
		IDENTITY_CONFLICT,

		/** The last WeChat identity of an account without a phone: without it nobody could sign in again. */
		LAST_IDENTITY,

		/**
		 * Two accounts cannot be merged: the one merged away has a phone of its own, or they are of two
		 * tenants.
		 */
		MERGE_CONFLICT

	}

}
