package io.github.wxlogin.app;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AppSecretCipher}.
 */
class AppSecretCipherTests {

	private static final String SECRET = "0123456789abcdef0123456789abcdef";

	private final byte[] key = randomKey();

	private final AppSecretCipher cipher = new AppSecretCipher(this.key);

	@Test
	void valueDecryptsToWhatWasEncrypted() {
		String stored = this.cipher.encrypt(SECRET, "wx0000000000000001/secret");

		assertThat(stored).startsWith("v1:").doesNotContain(SECRET);
		assertThat(this.cipher.decrypt(stored, "wx0000000000000001/secret")).isEqualTo(SECRET);
	}

	@Test
	void sameValueEncryptsDifferentlyEachTime() {
		assertThat(this.cipher.encrypt(SECRET, "a")).isNotEqualTo(this.cipher.encrypt(SECRET, "a"));
	}

	@Test
	void valueCopiedToAnotherAppDoesNotDecrypt() {
		String stored = this.cipher.encrypt(SECRET, "wx0000000000000001/secret");

		assertThatIllegalArgumentException().isThrownBy(() -> this.cipher.decrypt(stored, "wx0000000000000002/secret"));
	}

	@Test
	void valueEncryptedWithAnotherKeyDoesNotDecrypt() {
		String stored = new AppSecretCipher(randomKey()).encrypt(SECRET, "a");

		assertThatIllegalArgumentException().isThrownBy(() -> this.cipher.decrypt(stored, "a"));
	}

	@Test
	void tamperedValueDoesNotDecrypt() {
		byte[] sealed = Base64.getDecoder().decode(this.cipher.encrypt(SECRET, "a").substring(3));
		for (int i = 0; i < sealed.length; i++) {
			byte[] tampered = sealed.clone();
			tampered[i] ^= 1;
			String stored = "v1:" + Base64.getEncoder().encodeToString(tampered);
			assertThatIllegalArgumentException().as("byte %d flipped", i)
				.isThrownBy(() -> this.cipher.decrypt(stored, "a"));
		}
	}

	@Test
	void truncatedOrForeignValueDoesNotDecrypt() {
		String stored = this.cipher.encrypt(SECRET, "a");

		assertThatIllegalArgumentException().isThrownBy(() -> this.cipher.decrypt(stored.substring(0, 20), "a"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.cipher.decrypt(SECRET, "a"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.cipher.decrypt("v1:not base64!", "a"));
	}

	@Test
	void keyOfAnotherLengthIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AppSecretCipher(Arrays.copyOf(this.key, 16)))
			.withMessageContaining("16 bytes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AppSecretCipher.fromBase64(Base64.getEncoder().encodeToString(Arrays.copyOf(this.key, 31))));
	}

	@Test
	void keyThatIsNotRandomIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AppSecretCipher(new byte[32]));
		byte[] repeated = new byte[32];
		for (int i = 0; i < repeated.length; i++) {
			repeated[i] = (byte) (i % 4);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> new AppSecretCipher(repeated));
		byte[] passphrase = "correct horse battery staple 123".getBytes(StandardCharsets.US_ASCII);
		assertThat(passphrase).hasSize(32);
		assertThatIllegalArgumentException().isThrownBy(() -> new AppSecretCipher(passphrase))
			.withMessageContaining("not random");
	}

	@Test
	void keyThatIsNotBase64IsRefusedWithoutRepeatingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> AppSecretCipher.fromBase64("not-a-key!"))
			.withMessageNotContaining("not-a-key!");
	}

	@Test
	void keyWrittenInBase64IsAccepted() {
		AppSecretCipher fromBase64 = AppSecretCipher.fromBase64(Base64.getEncoder().encodeToString(this.key) + "\n");

		assertThat(fromBase64.decrypt(this.cipher.encrypt(SECRET, "a"), "a")).isEqualTo(SECRET);
	}

	@Test
	void keyIsNotInToString() {
		assertThat(this.cipher.toString()).isEqualTo("AppSecretCipher[AES-256-GCM]");
	}

	static byte[] randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

}
