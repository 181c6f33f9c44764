package io.github.wxlogin.avatar;

import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats an avatar may be uploaded in, told apart by their first bytes (never by a file name or
 * a declared content type).
 */
enum AvatarFormat {

	/** JPEG: {@code FF D8 FF}. */
	JPEG("jpeg"),

	/** PNG: the 8-byte PNG signature. */
	PNG("png"),

	/** WebP: {@code RIFF}, a length, {@code WEBP}. */
	WEBP("webp");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private final String imageIoName;

	AvatarFormat(String imageIoName) {
		this.imageIoName = imageIoName;
	}

	/**
	 * Return the format's name as ImageIO's readers know it.
	 * @return the name
	 */
	String imageIoName() {
		return this.imageIoName;
	}

	/**
	 * Tell an image's format by its first bytes.
	 * @param bytes the upload
	 * @return the format, or empty when it is none of the three
	 */
	static Optional<AvatarFormat> sniff(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
			return Optional.of(JPEG);
		}
		if (bytes.length >= PNG_SIGNATURE.length
				&& Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
			return Optional.of(PNG);
		}
		if (bytes.length >= 12 && ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean ascii(byte[] bytes, int offset, String text) {
		for (int i = 0; i < text.length(); i++) {
			if (bytes[offset + i] != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}
