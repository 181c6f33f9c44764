package io.github.wxlogin.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a refresh token's successor with the token it replaces, so that a store can keep what a retry
 * needs without holding a usable token: AES-256-GCM under a key derived from the presented token
 * (HMAC-SHA256 of a fixed label, keyed with the token: unlike the SHA-256 hash the store keeps, it cannot
 * be computed from anything stored), a random 96-bit nonce, Base64url of nonce and ciphertext. Only the
 * holder of the spent token can open it.
 */
final class SuccessorSeal {

	private static final byte[] LABEL = "wxlogin refresh-token successor seal v1".getBytes(StandardCharsets.US_ASCII);

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private SuccessorSeal() {
	}

	/**
	 * Seal a successor.
	 * @param presented the token the successor replaces
	 * @param successor the successor
	 * @param random the source of the nonce
	 * @return the sealed successor
	 */
	static String seal(String presented, String successor, SecureRandom random) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, presented, nonce);
			byte[] sealed = cipher.doFinal(successor.getBytes(StandardCharsets.UTF_8));
			byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * Open a sealed successor.
	 * @param presented the token the successor replaces
	 * @param sealed the sealed successor
	 * @return the successor, or empty when it was not sealed with that token or was altered
	 */
	static Optional<String> open(String presented, String sealed) {
		try {
			byte[] in = Base64.getUrlDecoder().decode(sealed);
			if (in.length <= NONCE_BYTES) {
				return Optional.empty();
			}
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, presented, Arrays.copyOf(in, NONCE_BYTES));
			byte[] successor = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
			return Optional.of(new String(successor, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			return Optional.empty();
		}
	}

	private static Cipher cipher(int mode, String presented, byte[] nonce) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(presented.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		SecretKeySpec key = new SecretKeySpec(mac.doFinal(LABEL), "AES");
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		return cipher;
	}

}
