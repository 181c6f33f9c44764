package io.github.wxlogin;

/**
 * Thrown by {@link WxAccountStore} when a WeChat identity belongs to another account than the one the
 * call needs it in: a phone sign-in whose identity and phone belong to two accounts, or a link of an
 * identity another account holds. Nothing is changed.
 */
public class IdentityConflictException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param message which accounts disagree, without personal data
	 */
	public IdentityConflictException(String message) {
		super(message);
	}

}
