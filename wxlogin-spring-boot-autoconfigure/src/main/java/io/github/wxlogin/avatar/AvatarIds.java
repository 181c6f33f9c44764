package io.github.wxlogin.avatar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ids of avatars: 16 hex digits of the SHA-256 of the owner's user id, 64 of the SHA-256 of the image,
 * and the extension. The same account uploading the same image gets the same id; two accounts never share
 * one, so deleting one account's old avatar never takes another's, and an account can tell its own
 * avatars (the prefix) without any stored record.
 */
public final class AvatarIds {

	/** The form of every id, which the serving endpoint checks before it touches a store. */
	public static final Pattern FORM = Pattern.compile("[0-9a-f]{80}\\.(jpg|png)");

	private static final int OWNER_DIGITS = 16;

	private AvatarIds() {
	}

	static String of(String userId, AvatarImage image) {
		return ownerTag(userId) + HexFormat.of().formatHex(sha256(image.bytes())) + "." + image.extension();
	}

	/**
	 * Return whether an id is of the given account's avatars.
	 * @param id the id
	 * @param userId the account's user id
	 * @return whether the account uploaded it
	 */
	static boolean ownedBy(String id, String userId) {
		return FORM.matcher(id).matches() && id.startsWith(ownerTag(userId));
	}

	/**
	 * Return the content type of an id's image.
	 * @param id a well-formed id
	 * @return {@code image/jpeg} or {@code image/png}
	 */
	public static Optional<String> contentTypeOf(String id) {
		if (!FORM.matcher(id).matches()) {
			return Optional.empty();
		}
		return Optional.of(id.endsWith(".png") ? "image/png" : "image/jpeg");
	}

	private static String ownerTag(String userId) {
		return HexFormat.of().formatHex(sha256(userId.getBytes(StandardCharsets.UTF_8))).substring(0, OWNER_DIGITS);
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
