package io.github.wxlogin.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;

/**
 * The one key that signs and verifies access tokens, with the one algorithm it is used with.
 *
 * @param jwk the key, private part included
 * @param algorithm the only algorithm tokens are signed and accepted with
 */
public record WxSigningKey(JWK jwk, JWSAlgorithm algorithm) {

	/** Shortest HMAC secret accepted: HS256 needs a key at least as long as its hash. */
	public static final int MIN_HMAC_SECRET_BYTES = 32;

	/**
	 * An HS256 key.
	 * @param secret the shared secret, at least {@value #MIN_HMAC_SECRET_BYTES} bytes in UTF-8
	 * @param keyId the {@code kid}, or {@code null} to derive it
	 * @return the key
	 * @throws IllegalArgumentException if the secret is too short
	 */
	public static WxSigningKey hmac(String secret, @Nullable String keyId) {
		byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < MIN_HMAC_SECRET_BYTES) {
			throw new IllegalArgumentException("an HS256 secret needs at least " + MIN_HMAC_SECRET_BYTES
					+ " bytes, this one has " + bytes.length);
		}
		OctetSequenceKey.Builder key = new OctetSequenceKey.Builder(bytes).keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.HS256);
		return new WxSigningKey(withKeyId(key.build(), keyId), JWSAlgorithm.HS256);
	}

	/**
	 * An RS256 or ES256 key read from a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}).
	 * @param pem the PEM text
	 * @param keyId the {@code kid}, or {@code null} to use the key's JWK thumbprint
	 * @return the key
	 * @throws IllegalArgumentException if the text is not a PKCS#8 RSA or EC P-256 private key
	 */
	public static WxSigningKey fromPkcs8Pem(String pem, @Nullable String keyId) {
		byte[] der = pkcs8Der(pem);
		PrivateKey privateKey = parse(der);
		if (privateKey instanceof RSAPrivateCrtKey rsa) {
			RSAKey key = new RSAKey.Builder(rsaPublicKey(rsa)).privateKey(rsa)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
			return new WxSigningKey(withKeyId(key, keyId), JWSAlgorithm.RS256);
		}
		if (privateKey instanceof ECPrivateKey ec) {
			if (!Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
				throw new IllegalArgumentException("an EC key must be on curve P-256 (secp256r1)");
			}
			return ec(EcPublicKeys.derive(ec), ec, keyId);
		}
		throw new IllegalArgumentException("the key is neither RSA nor EC");
	}

	/**
	 * A new ES256 key that lives as long as this process.
	 * @return the key
	 */
	public static WxSigningKey generateEc() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			KeyPair pair = generator.generateKeyPair();
			return ec((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate(), null);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("EC P-256 keys are not available", ex);
		}
	}

	/**
	 * Return the public keys to publish, empty for an HMAC key.
	 * @return the public JWK set
	 */
	public JWKSet publicJwkSet() {
		return (this.jwk instanceof OctetSequenceKey) ? new JWKSet() : new JWKSet(this.jwk.toPublicJWK());
	}

	/**
	 * Return the key as a JWK set holding only this key, private part included.
	 * @return the JWK set
	 */
	public JWKSet jwkSet() {
		return new JWKSet(List.of(this.jwk));
	}

	private static WxSigningKey ec(ECPublicKey publicKey, ECPrivateKey privateKey, @Nullable String keyId) {
		ECKey key = new ECKey.Builder(Curve.P_256, publicKey).privateKey(privateKey)
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.ES256)
			.build();
		return new WxSigningKey(withKeyId(key, keyId), JWSAlgorithm.ES256);
	}

	private static JWK withKeyId(JWK key, @Nullable String keyId) {
		try {
			String kid = (keyId != null && !keyId.isBlank()) ? keyId : key.computeThumbprint().toString();
			if (key instanceof OctetSequenceKey oct) {
				return new OctetSequenceKey.Builder(oct).keyID(kid).build();
			}
			if (key instanceof RSAKey rsa) {
				return new RSAKey.Builder(rsa).keyID(kid).build();
			}
			return new ECKey.Builder((ECKey) key).keyID(kid).build();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot compute the key's thumbprint", ex);
		}
	}

	private static byte[] pkcs8Der(String pem) {
		String begin = "-----BEGIN PRIVATE KEY-----";
		String end = "-----END PRIVATE KEY-----";
		int start = pem.indexOf(begin);
		int stop = pem.indexOf(end);
		if (start < 0 || stop < start) {
			throw new IllegalArgumentException("the file is not a PKCS#8 PEM (it must contain '" + begin
					+ "'; convert other formats with 'openssl pkcs8 -topk8 -nocrypt')");
		}
		String base64 = pem.substring(start + begin.length(), stop).replaceAll("\\s", "");
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("the PEM's body is not valid Base64");
		}
	}

	private static PrivateKey parse(byte[] der) {
		for (String algorithm : List.of("RSA", "EC")) {
			try {
				return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
			}
			catch (GeneralSecurityException ex) {
				// try the next algorithm
			}
		}
		throw new IllegalArgumentException("the PEM does not hold a readable RSA or EC private key");
	}

	private static RSAPublicKey rsaPublicKey(RSAPrivateCrtKey key) {
		try {
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("cannot derive the RSA public key", ex);
		}
	}

}
