package io.github.wxlogin.session;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@link RefreshTokenStore} knows a refresh token by: the family the token belongs to and the
 * SHA-256 hash of the whole token, never the token itself.
 * <p>
 * The opaque token a client holds is {@code {familyId}.{secret}}: a family id of 128 random bits and a
 * secret of 256 random bits (RFC 9700: a refresh token that cannot be guessed), both Base64url. It carries
 * its family so that a store can find the family's state from the token alone and keep it together (in
 * Redis Cluster: in one hash slot, for the atomic rotation). A token whose family part was altered hashes
 * to a token no store knows.
 *
 * @param familyId the family, shared by every token rotated from one login
 * @param hash the SHA-256 hash of the whole token, Base64url
 */
public record RefreshTokenId(String familyId, String hash) {

	private static final int FAMILY_ID_BYTES = 16;

	private static final int SECRET_BYTES = 32;

	private static final Pattern TOKEN = Pattern.compile("([A-Za-z0-9_-]{22})\\.[A-Za-z0-9_-]{43}");

	/**
	 * Read the id of a token a client presented.
	 * @param refreshToken the token
	 * @return its id, or empty when it is not shaped like a refresh token
	 */
	public static Optional<RefreshTokenId> of(String refreshToken) {
		Matcher token = TOKEN.matcher(refreshToken);
		return token.matches() ? Optional.of(new RefreshTokenId(token.group(1), TokenHash.of(refreshToken)))
				: Optional.empty();
	}

	/**
	 * Return a new family id, for the first token of a login.
	 * @param random the source of its 128 bits
	 * @return the id
	 */
	public static String newFamilyId(SecureRandom random) {
		return randomText(random, FAMILY_ID_BYTES);
	}

	/**
	 * Return a new token of a family.
	 * @param familyId the family
	 * @param random the source of its 256-bit secret
	 * @return the token a client holds
	 */
	public static String newToken(String familyId, SecureRandom random) {
		return familyId + "." + randomText(random, SECRET_BYTES);
	}

	/**
	 * Return the id of a token just made.
	 * @param familyId its family
	 * @param refreshToken the token
	 * @return its id
	 */
	public static RefreshTokenId ofNewToken(String familyId, String refreshToken) {
		return new RefreshTokenId(familyId, TokenHash.of(refreshToken));
	}

	private static String randomText(SecureRandom random, int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

}
