package io.github.wxlogin.avatar;

/**
 * An uploaded avatar that is refused, for a {@link Reason}. The message is meant for the client.
 */
public final class WxAvatarException extends RuntimeException {

	private final Reason reason;

	/**
	 * Create an exception.
	 * @param reason why the image is refused
	 * @param detail what is wrong, for the client
	 */
	public WxAvatarException(Reason reason, String detail) {
		super(detail);
		this.reason = reason;
	}

	/**
	 * Return why the image is refused.
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why an avatar is refused.
	 */
	public enum Reason {

		/** More bytes, or more pixels in width or height, than the limits allow. */
		TOO_LARGE,

		/** Not a JPEG, PNG or WebP image by its bytes, or one that does not decode. */
		UNSUPPORTED

	}

}
