package io.github.wxlogin.wechat;

/**
 * A message push that is refused: not signed by WeChat with the mini program's token, too old, for
 * another mini program, or unreadable. The {@link Reason} says which; the message never holds the token,
 * the key or the pushed content.
 */
public final class WxPushException extends RuntimeException {

	private final Reason reason;

	/**
	 * Create an exception.
	 * @param reason why the push is refused
	 * @param message what is wrong, without any secret
	 */
	public WxPushException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	/**
	 * Return why the push is refused.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Why a push is refused.
	 */
	public enum Reason {

		/** No push settings for this AppID: message push is off for it. */
		NOT_CONFIGURED,

		/** The signature does not match, or is missing. */
		BAD_SIGNATURE,

		/** The timestamp is missing, or more than the allowed age away from now. */
		STALE_TIMESTAMP,

		/** The decrypted message names another mini program. */
		WRONG_APPID,

		/** The body is not what WeChat sends: not JSON, not decryptable, or safe mode without a key. */
		MALFORMED

	}

}
