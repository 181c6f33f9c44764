package io.github.wxlogin.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The public id of a login session, made from its refresh-token family's id by SHA-256 (with a prefix of
 * its own, so that it is no other hash the starter keeps). The family id is half of every refresh token
 * of the family; the session id goes where a token must never go (URLs, lists, the access token's
 * claims, logs), and a hash of 128 random bits cannot be turned back into them. Being derived, it needs
 * no mapping of its own: any token of the family names its session.
 */
final class SessionIds {

	private static final String PREFIX = "wxlogin-session:";

	private SessionIds() {
	}

	static String of(String familyId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((PREFIX + familyId).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
