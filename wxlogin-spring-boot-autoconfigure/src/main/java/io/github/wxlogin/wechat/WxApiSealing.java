package io.github.wxlogin.wechat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The cryptography of WeChat's API security, with the JDK's providers: AES-256-GCM with a 12-byte IV and a
 * 128-bit tag over the additional data {@code urlpath|appid|timestamp|symmetricSN}, and RSASSA-PSS
 * (SHA-256, MGF1 with SHA-256, 32-byte salt) over {@code urlpath\nappid\ntimestamp\nbody}.
 */
final class WxApiSealing {

	/** The headers of a secured call and its reply. */
	static final String APPID = "Wechatmp-Appid";

	static final String TIMESTAMP = "Wechatmp-TimeStamp";

	static final String SIGNATURE = "Wechatmp-Signature";

	static final String SERIAL = "Wechatmp-Serial";

	static final String DEPRECATED_SIGNATURE = "Wechatmp-Signature-Deprecated";

	static final String DEPRECATED_SERIAL = "Wechatmp-Serial-Deprecated";

	static final int IV_LENGTH = 12;

	static final int TAG_LENGTH = 16;

	private static final int NONCE_LENGTH = 16;

	private static final PSSParameterSpec PSS = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32,
			PSSParameterSpec.TRAILER_FIELD_BC);

	private static final SecureRandom random = new SecureRandom();

	private WxApiSealing() {
	}

	/**
	 * Seal a request: its fields, plus {@code _n}, {@code _appid} and {@code _timestamp}, encrypted into the
	 * body {@code {"iv","data","authtag"}}, which is then signed.
	 * @param security the app's settings
	 * @param appid the app
	 * @param urlpath scheme, host and path of the call, without the query
	 * @param fields the call's own fields
	 * @param timestamp the Unix time in seconds
	 * @return the body to send and its headers
	 */
	static SealedRequest seal(WxApiSecurity security, String appid, String urlpath, Map<String, ?> fields,
			long timestamp) {
		byte[] nonce = new byte[NONCE_LENGTH];
		byte[] iv = new byte[IV_LENGTH];
		random.nextBytes(nonce);
		random.nextBytes(iv);
		return seal(security, appid, urlpath, fields, timestamp, Base64.getEncoder().withoutPadding().encodeToString(nonce),
				iv);
	}

	static SealedRequest seal(WxApiSecurity security, String appid, String urlpath, Map<String, ?> fields,
			long timestamp, String nonce, byte[] iv) {
		Map<String, Object> plaintext = new LinkedHashMap<>();
		plaintext.put("_n", nonce);
		plaintext.put("_appid", appid);
		plaintext.put("_timestamp", timestamp);
		plaintext.putAll(fields);
		byte[] sealed = encrypt(security.symmetricKey(), iv,
				additionalData(urlpath, appid, timestamp, security.symmetricSn()),
				FlatJson.write(plaintext).getBytes(StandardCharsets.UTF_8));
		Base64.Encoder base64 = Base64.getEncoder();
		int dataLength = sealed.length - TAG_LENGTH;
		String body = "{\"iv\":\"" + base64.encodeToString(iv) + "\",\"data\":\""
				+ base64.encodeToString(Arrays.copyOf(sealed, dataLength)) + "\",\"authtag\":\""
				+ base64.encodeToString(Arrays.copyOfRange(sealed, dataLength, sealed.length)) + "\"}";
		String signature = sign(security.appPrivateKey(), signedText(urlpath, appid, timestamp, body));
		return new SealedRequest(body, Long.toString(timestamp), signature);
	}

	static String additionalData(String urlpath, String appid, long timestamp, String symmetricSn) {
		return urlpath + "|" + appid + "|" + timestamp + "|" + symmetricSn;
	}

	static String signedText(String urlpath, String appid, long timestamp, String body) {
		return urlpath + "\n" + appid + "\n" + timestamp + "\n" + body;
	}

	/**
	 * Encrypt with AES-256-GCM.
	 * @return the ciphertext followed by the 16-byte tag
	 */
	static byte[] encrypt(SecretKey key, byte[] iv, String additionalData, byte[] plaintext) {
		try {
			return gcm(Cipher.ENCRYPT_MODE, key, iv, additionalData).doFinal(plaintext);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * Decrypt with AES-256-GCM.
	 * @param sealed the ciphertext followed by the 16-byte tag
	 * @return the plaintext
	 * @throws AEADBadTagException if the tag does not match: another key, IV or additional data, or an
	 * altered ciphertext
	 */
	static byte[] decrypt(SecretKey key, byte[] iv, String additionalData, byte[] sealed) throws AEADBadTagException {
		try {
			return gcm(Cipher.DECRYPT_MODE, key, iv, additionalData).doFinal(sealed);
		}
		catch (AEADBadTagException ex) {
			throw ex;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	private static Cipher gcm(int mode, SecretKey key, byte[] iv, String additionalData)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
		cipher.updateAAD(additionalData.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	static String sign(PrivateKey key, String text) {
		try {
			Signature signer = Signature.getInstance("RSASSA-PSS");
			signer.setParameter(PSS);
			signer.initSign(key);
			signer.update(text.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(signer.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the app's private key cannot sign with RSASSA-PSS", ex);
		}
	}

	/**
	 * Verify a signature.
	 * @return whether it verifies; {@code false} for a signature that is not Base64
	 */
	static boolean verify(PublicKey key, String text, String signature) {
		try {
			Signature verifier = Signature.getInstance("RSASSA-PSS");
			verifier.setParameter(PSS);
			verifier.initVerify(key);
			verifier.update(text.getBytes(StandardCharsets.UTF_8));
			return verifier.verify(Base64.getDecoder().decode(signature.strip()));
		}
		catch (IllegalArgumentException | SignatureException ex) {
			return false;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSASSA-PSS is not available", ex);
		}
	}

	/**
	 * A sealed request.
	 *
	 * @param body the body to send, byte for byte as signed
	 * @param timestamp the {@code Wechatmp-TimeStamp} header
	 * @param signature the {@code Wechatmp-Signature} header
	 */
	record SealedRequest(String body, String timestamp, String signature) {
	}

}
