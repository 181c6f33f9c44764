package io.github.wxlogin.wechat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WxLegacyCryptoTests {

	/** The example of WeChat's documentation of the rawData signature. */
	private static final String OFFICIAL_RAW_DATA = "{\"nickName\":\"Band\",\"gender\":1,\"language\":\"zh_CN\","
			+ "\"city\":\"Guangzhou\",\"province\":\"Guangdong\",\"country\":\"CN\",\"avatarUrl\":"
			+ "\"http://wx.qlogo.cn/mmopen/vi_32/1vZvI39NWFQ9XM4LtQpFrQJ1xlgZxx3w7bQxKARol6503Iuswjjn6nIGBiaycAjAtpujxyzYsrztuuICqIM5ibXQ/0\"}";

	private static final String OFFICIAL_SESSION_KEY = "HyVFkGl5F5OQWJZZaNzBBg==";

	/** A session key, IV and ciphertext of fixed bytes whose Base64 each hold a {@code +}. */
	private static final String PLUS_SESSION_KEY = "AxQlNkdYaXqLnK2+z+DxAg==";

	private static final String PLUS_IV = "+/r5+Pf29fTz8vHw7+7t7A==";

	private static final String PLUS_ENCRYPTED = "7IC8ql1IE/+THpQCGF1ns9LoX7bcotIm3i2ABZMvVVccZrDZrSi8YKUU36kLVUolDlU4b24iJhcyWHnY"
			+ "/JP0i0VZNl+vCtWWRlKFqEi9qZX/IAtvpr5uHtoDqWEqVnvg4nAhIUCg/mWz8QIf+fIgVb2AjwqwB/xsaEohHWmyMjsEUBWg8Z9K+KMG"
			+ "EXWe0VAbehyC53NJMQVZuRk1HtRrkw==";

	private static final String PLUS_PLAINTEXT = "{\"phoneNumber\":\"13800138000\",\"purePhoneNumber\":\"13800138000\","
			+ "\"countryCode\":\"86\",\"watermark\":{\"appid\":\"wx0123456789abcdef\",\"timestamp\":1732500000}}";

	private final SecureRandom random = new SecureRandom();

	@Test
	void signatureMatchesWeChatsVector() {
		assertThat(WxLegacyCrypto.signatureMatches(OFFICIAL_SESSION_KEY, OFFICIAL_RAW_DATA,
				"75e81ceda165f4ffa64f4068af58c64b8f54b88c")).isTrue();
		assertThat(WxLegacyCrypto.signatureMatches(OFFICIAL_SESSION_KEY, OFFICIAL_RAW_DATA,
				"75E81CEDA165F4FFA64F4068AF58C64B8F54B88C")).isTrue();
		assertThat(WxLegacyCrypto.signatureMatches(OFFICIAL_SESSION_KEY, OFFICIAL_RAW_DATA.replace("Band", "Bond"),
				"75e81ceda165f4ffa64f4068af58c64b8f54b88c")).isFalse();
		assertThat(WxLegacyCrypto.signatureMatches(OFFICIAL_SESSION_KEY, OFFICIAL_RAW_DATA, "")).isFalse();
	}

	@Test
	void encryptedDataDecryptsUnderTheSessionKeyOnly() throws Exception {
		String sessionKey = base64(bytes(16));
		byte[] iv = bytes(16);
		String encrypted = encrypt(sessionKey, iv, "{\"phoneNumber\":\"13800138000\"}");
		assertThat(WxLegacyCrypto.decrypt(sessionKey, encrypted, base64(iv)))
			.hasValueSatisfying((plaintext) -> assertThat(plaintext).contains("13800138000"));
		String otherKey = base64(bytes(16));
		// Usually empty, as the padding does not check out; at times well-padded garbage
		assertThat(WxLegacyCrypto.decrypt(otherKey, encrypted, base64(iv)).orElse(""))
			.doesNotContain("13800138000");
	}

	@Test
	void plusSignsThatArrivedAsSpacesAreRestored() {
		assertThat(PLUS_ENCRYPTED).contains("+");
		assertThat(PLUS_IV).contains("+");
		assertThat(WxLegacyCrypto.decrypt(PLUS_SESSION_KEY, PLUS_ENCRYPTED, PLUS_IV)).contains(PLUS_PLAINTEXT);
		// What a form-encoded request makes of the '+'
		assertThat(WxLegacyCrypto.decrypt(PLUS_SESSION_KEY, PLUS_ENCRYPTED.replace('+', ' '), PLUS_IV.replace('+', ' ')))
			.contains(PLUS_PLAINTEXT);
	}

	@Test
	void malformedInputIsRefusedAsTheClientsMistake() {
		String sessionKey = base64(bytes(16));
		assertThatIllegalArgumentException().isThrownBy(() -> WxLegacyCrypto.decrypt(sessionKey, "%%%", base64(bytes(16))));
		assertThatIllegalArgumentException().isThrownBy(() -> WxLegacyCrypto.decrypt(sessionKey, base64(bytes(32)), "AAAA"));
		assertThatIllegalArgumentException().isThrownBy(() -> WxLegacyCrypto.decrypt(sessionKey, base64(bytes(17)), base64(bytes(16))));
		assertThat(WxLegacyCrypto.decrypt(sessionKey, base64(new byte[16]), base64(new byte[16]))).isEmpty();
	}

	private byte[] bytes(int count) {
		byte[] bytes = new byte[count];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static String encrypt(String sessionKey, byte[] iv, String plaintext) throws Exception {
		Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(sessionKey), "AES"),
				new IvParameterSpec(iv));
		return base64(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
	}

}
