package io.github.wxlogin;

/**
 * Thrown by {@link WxUserService#bindPhone} when the phone number is already bound to another user of
 * the same mini program. Nothing is changed.
 */
public class PhoneConflictException extends RuntimeException {

	public PhoneConflictException() {
		super("Phone number is already bound to another user");
	}

}
