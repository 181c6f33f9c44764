package io.github.wxlogin;

/**
 * Thrown by {@link WxAccountStore#unlinkIdentity} for the last WeChat identity of an account that has
 * no phone: without it nobody could sign in to the account again. Nothing is changed.
 */
public class UnlinkRefusedException extends RuntimeException {

	public UnlinkRefusedException() {
		super("The last WeChat identity of an account without a phone cannot be unlinked");
	}

}
