package io.github.wxlogin.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptography WeChat applies to session keys and user data.
 */
final class WeChatCrypto {

	private static final SecureRandom RANDOM = new SecureRandom();

	private WeChatCrypto() {
	}

	static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	static String randomDigits() {
		return Long.toString(RANDOM.nextLong() & Long.MAX_VALUE);
	}

	static String randomHex(int byteLength) {
		return HexFormat.of().formatHex(randomBytes(byteLength));
	}

	static String randomUrlSafe(int byteLength) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(byteLength));
	}

	/**
	 * A new session key: Base64 of 16 random bytes.
	 * @return the session key
	 */
	static String newSessionKey() {
		return Base64.getEncoder().encodeToString(randomBytes(16));
	}

	/**
	 * Encrypt as WeChat encrypts {@code encryptedData}: AES-128-CBC with PKCS#7 padding,
	 * keyed with the decoded session key.
	 * @param sessionKey the Base64 session key
	 * @param plaintext the JSON to encrypt
	 * @return the Base64 ciphertext and IV
	 */
	static EncryptedData encrypt(String sessionKey, String plaintext) {
		byte[] iv = randomBytes(16);
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(sessionKey), "AES"),
					new IvParameterSpec(iv));
			byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return new EncryptedData(Base64.getEncoder().encodeToString(ciphertext),
					Base64.getEncoder().encodeToString(iv));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-128-CBC is not available", ex);
		}
	}

	/**
	 * The {@code rawData} signature: lowercase hex SHA-1 of the raw data followed by the
	 * session key string.
	 * @param rawData the raw profile JSON
	 * @param sessionKey the Base64 session key, as a string
	 * @return the signature
	 */
	static String rawDataSignature(String rawData, String sessionKey) {
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			return HexFormat.of().formatHex(sha1.digest((rawData + sessionKey).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-1 is not available", ex);
		}
	}

	/**
	 * The {@code checksession} signature: lowercase hex HMAC-SHA256 over the empty message,
	 * keyed with the UTF-8 bytes of the session key string (not its decoded bytes).
	 * @param sessionKey the Base64 session key, as a string
	 * @return the signature
	 */
	static String checkSessionSignature(String sessionKey) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(new byte[0]));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * Lowercase hex SHA-1 of a text's UTF-8 bytes.
	 * @param text the text
	 * @return the digest
	 */
	static String sha1Hex(String text) {
		return digestHex("SHA-1", text);
	}

	/**
	 * Lowercase hex SHA-256 of a text's UTF-8 bytes.
	 * @param text the text
	 * @return the digest
	 */
	static String sha256Hex(String text) {
		return digestHex("SHA-256", text);
	}

	private static String digestHex(String algorithm, String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(algorithm + " is not available", ex);
		}
	}

	static boolean constantTimeEquals(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

}
