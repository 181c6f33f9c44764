package io.github.wxlogin;

/**
 * Thrown by {@link WxUserService#bindPhone} and {@link WxAccountStore#createAccount} when the phone
 * number is already bound to another user: a phone belongs to at most one account, across all mini
 * programs. Nothing is changed.
 */
public class PhoneConflictException extends RuntimeException {

	public PhoneConflictException() {
		super("Phone number is already bound to another user");
	}

}
