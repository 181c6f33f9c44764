package io.github.wxlogin.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The one hash the starter keeps of a token instead of the token itself: SHA-256, Base64url without
 * padding. Refresh tokens are stored by it; verified access tokens are cached by it.
 */
public final class TokenHash {

	private TokenHash() {
	}

	/**
	 * Return the hash of a token.
	 * @param token the token
	 * @return its SHA-256, Base64url without padding
	 */
	public static String of(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
