package io.github.wxlogin.wechat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What older clients send, opened with the user's session key: {@code encryptedData} (AES-128-CBC with
 * PKCS#7 padding) and the {@code rawData} signature ({@code sha1_hex(rawData + sessionKey)}).
 */
public final class WxLegacyCrypto {

	private WxLegacyCrypto() {
	}

	/**
	 * Decrypt {@code encryptedData}.
	 * @param sessionKey the user's session key, Base64 as WeChat gave it
	 * @param encryptedData the ciphertext, Base64; a {@code +} that arrived as a space is restored
	 * @param iv the initialisation vector, Base64
	 * @return the plaintext, a JSON text when the session key was the right one; empty when the data does not
	 * decrypt under the session key (the client has logged in again since, so the key it used is no longer
	 * the stored one)
	 * @throws IllegalArgumentException if {@code encryptedData} or {@code iv} is not Base64 of a valid
	 * length: the client sent something malformed
	 */
	public static Optional<String> decrypt(String sessionKey, String encryptedData, String iv) {
		byte[] ciphertext = base64("encryptedData", encryptedData);
		byte[] ivBytes = base64("iv", iv);
		if (ivBytes.length != 16) {
			throw new IllegalArgumentException("'iv' must be 16 bytes");
		}
		if (ciphertext.length == 0 || ciphertext.length % 16 != 0) {
			throw new IllegalArgumentException("'encryptedData' is not whole AES blocks");
		}
		byte[] key = Base64.getDecoder().decode(sessionKey);
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(ivBytes));
			return Optional.of(new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Check the signature of {@code rawData} in constant time.
	 * @param sessionKey the user's session key, Base64 as WeChat gave it
	 * @param rawData the raw data as the client sent it
	 * @param signature the signature the client sent, lowercase hex
	 * @return whether the signature matches
	 */
	public static boolean signatureMatches(String sessionKey, String rawData, String signature) {
		try {
			byte[] expected = MessageDigest.getInstance("SHA-1")
				.digest((rawData + sessionKey).getBytes(StandardCharsets.UTF_8));
			byte[] given = HexFormat.of().formatHex(expected).getBytes(StandardCharsets.US_ASCII);
			return MessageDigest.isEqual(given, signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-1 is not available", ex);
		}
	}

	private static byte[] base64(String name, String value) {
		try {
			return Base64.getDecoder().decode(value.replace(' ', '+'));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + name + "' is not valid Base64");
		}
	}

}
