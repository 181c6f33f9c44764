package io.github.wxlogin.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets the registry's table keeps (AppSecrets, message-push tokens and EncodingAESKeys)
 * with AES-256-GCM: a random 12-byte IV per value, and associated data naming the row and column, so that a
 * value copied to another row or column does not decrypt. A stored value reads {@code v1:} and the Base64
 * of the IV, the ciphertext and the 16-byte tag. The key never appears in {@link #toString()}.
 */
public final class AppSecretCipher {

	private static final String PREFIX = "v1:";

	private static final int KEY_BYTES = 32;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	/** Fewer distinct bytes than this in 32 is not the output of a random generator. */
	private static final int MIN_DISTINCT_BYTES = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	/**
	 * Create a cipher.
	 * @param key the AES-256 key, 32 random bytes (copied)
	 * @throws IllegalArgumentException if the key is not 32 bytes, or is clearly not random (text, or
	 * repeated bytes)
	 */
	public AppSecretCipher(byte[] key) {
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException("the key is " + key.length + " bytes, not " + KEY_BYTES);
		}
		if (Arrays.equals(key, new byte[KEY_BYTES]) || distinctBytes(key) < MIN_DISTINCT_BYTES || isText(key)) {
			throw new IllegalArgumentException("the key is not random: it is text or repeats its bytes");
		}
		this.key = new SecretKeySpec(key.clone(), "AES");
	}

	/**
	 * Create a cipher from a key written in Base64.
	 * @param base64Key the Base64 of 32 random bytes, such as {@code openssl rand -base64 32} prints
	 * @return the cipher
	 * @throws IllegalArgumentException if it is not Base64, or not a good key
	 */
	public static AppSecretCipher fromBase64(String base64Key) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64Key.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("the key is not Base64");
		}
		return new AppSecretCipher(key);
	}

	/**
	 * Encrypt a value.
	 * @param plaintext the value
	 * @param associatedData what the value belongs to (its row and column); decrypting needs the same
	 * @return the stored form
	 */
	public String encrypt(String plaintext, String associatedData) {
		byte[] iv = new byte[IV_BYTES];
		RANDOM.nextBytes(iv);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, associatedData);
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * Decrypt a value.
	 * @param stored the stored form, as {@link #encrypt} returned it
	 * @param associatedData what the value belongs to, as given to {@link #encrypt}
	 * @return the value
	 * @throws IllegalArgumentException if the value was encrypted with another key or for something else,
	 * was changed, or is not of the stored form
	 */
	public String decrypt(String stored, String associatedData) {
		if (!stored.startsWith(PREFIX)) {
			throw new IllegalArgumentException("not an encrypted value");
		}
		byte[] sealed;
		try {
			sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("not an encrypted value");
		}
		if (sealed.length < IV_BYTES + TAG_BITS / 8) {
			throw new IllegalArgumentException("not an encrypted value");
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, IV_BYTES), associatedData);
			byte[] plaintext = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
			return new String(plaintext, StandardCharsets.UTF_8);
		}
		catch (javax.crypto.AEADBadTagException ex) {
			throw new IllegalArgumentException("the value does not decrypt: another key, another row, or changed");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	private Cipher cipher(int mode, byte[] iv, String associatedData) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	private static int distinctBytes(byte[] bytes) {
		boolean[] seen = new boolean[256];
		int distinct = 0;
		for (byte b : bytes) {
			if (!seen[b & 0xff]) {
				seen[b & 0xff] = true;
				distinct++;
			}
		}
		return distinct;
	}

	// A passphrase written in Base64 instead of random bytes: 32 random bytes are all printable ASCII
	// about once in 10^14
	private static boolean isText(byte[] bytes) {
		for (byte b : bytes) {
			if (b < 0x20 || b > 0x7e) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String toString() {
		return "AppSecretCipher[AES-256-GCM]";
	}

}
