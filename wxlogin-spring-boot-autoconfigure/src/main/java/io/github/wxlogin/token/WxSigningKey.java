package io.github.wxlogin.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import org.jspecify.annotations.Nullable;

/**
 * The one key that signs and verifies access tokens, with the one algorithm it is used with.
 *
 * @param jwk the key, private part included
 * @param algorithm the only algorithm tokens are signed and accepted with
 */
public record WxSigningKey(JWK jwk, JWSAlgorithm algorithm) {

	/** A member of a key that JSON carries as it is: a name or base64url text. */
	private static final Pattern PLAIN_MEMBER = Pattern.compile("[A-Za-z0-9_-]+");

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
	 * An RS256 or ES256 key read from PEM text holding the private key ({@code -----BEGIN PRIVATE KEY-----},
	 * PKCS#8) and, for an EC key, its public key ({@code -----BEGIN PUBLIC KEY-----}) or certificate.
	 * @param pem the PEM text
	 * @param keyId the {@code kid}, or {@code null} to use the key's JWK thumbprint
	 * @return the key
	 * @throws MissingPublicKeyException if the key is EC and the text holds no public key
	 * @throws IllegalArgumentException if the text holds no usable RSA or EC P-256 key
	 * @see #fromPem(String, String, String)
	 */
	public static WxSigningKey fromPem(String pem, @Nullable String keyId) {
		return fromPem(pem, null, keyId);
	}

	/**
	 * An RS256 or ES256 key read from PEM texts: the private key (PKCS#8, or any other form Spring Boot's
	 * SSL bundles read) and its public key ({@code -----BEGIN PUBLIC KEY-----}) or certificate, in the same
	 * text or in the second one. The JDK cannot derive an EC key's public key from its private key, so an EC
	 * key's is read from the key's own structure where OpenSSL writes it (SEC1's optional public key, also
	 * inside PKCS#8) when it is not given; an RSA key's is taken from the private key. A public key given
	 * must be the private key's.
	 * @param privateKeyPem the PEM text of the private key, possibly with its public key or certificate
	 * @param publicKeyPem the PEM text of the public key or certificate, or {@code null}
	 * @param keyId the {@code kid}, or {@code null} to use the key's JWK thumbprint
	 * @return the key
	 * @throws MissingPublicKeyException if the key is EC, was written without its public key, and neither
	 * text holds it
	 * @throws IllegalArgumentException if the texts hold no usable RSA or EC P-256 key, or a public key that
	 * is not the private key's
	 */
	public static WxSigningKey fromPem(String privateKeyPem, @Nullable String publicKeyPem, @Nullable String keyId) {
		PrivateKey privateKey = PemKeys.privateKey(privateKeyPem);
		if (privateKey instanceof ECPrivateKey ec && !Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
			throw new IllegalArgumentException("an EC key must be on curve P-256 (secp256r1)");
		}
		PublicKey publicKey = PemKeys.publicKey(privateKey.getAlgorithm(), publicKeyPem, privateKeyPem);
		if (publicKey == null && privateKey instanceof RSAPrivateCrtKey rsa) {
			publicKey = PemKeys.rsaPublicKey(rsa);
		}
		if (publicKey == null && privateKey instanceof ECPrivateKey ec) {
			publicKey = PemKeys.embeddedEcPublicKey(privateKeyPem, ec);
		}
		if (publicKey == null) {
			throw new MissingPublicKeyException();
		}
		PemKeys.requirePair(privateKey, publicKey);
		if (privateKey instanceof RSAPrivateKey rsa && publicKey instanceof RSAPublicKey rsaPublic) {
			RSAKey key = new RSAKey.Builder(rsaPublic).privateKey(rsa)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
			return new WxSigningKey(withKeyId(key, keyId), JWSAlgorithm.RS256);
		}
		if (privateKey instanceof ECPrivateKey ec && publicKey instanceof ECPublicKey ecPublic) {
			return ec(ecPublic, ec, keyId);
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
			String kid = (keyId != null && !keyId.isBlank()) ? keyId : thumbprint(key);
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

	/**
	 * The key's SHA-256 thumbprint (RFC 7638): the hash of its required members as JSON, in name order, with
	 * no white space. Those members are all names or base64url text, which need no escaping, so the JSON is
	 * written here: Nimbus would write it with its JSON library, loaded at start-up for this one string.
	 */
	static String thumbprint(JWK key) throws JOSEException {
		StringBuilder json = new StringBuilder("{");
		for (Map.Entry<String, ?> member : new TreeMap<>(key.getRequiredParams()).entrySet()) {
			if (!(member.getValue() instanceof String value) || !PLAIN_MEMBER.matcher(value).matches()) {
				return key.computeThumbprint().toString();
			}
			json.append((json.length() > 1) ? "," : "").append('"').append(member.getKey()).append("\":\"");
			json.append(value).append('"');
		}
		try {
			byte[] members = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
			return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(members)).toString();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new JOSEException("SHA-256 is not available", ex);
		}
	}

	/**
	 * An EC private key came without its public key, which the JDK cannot compute from it.
	 */
	public static final class MissingPublicKeyException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		MissingPublicKeyException() {
			super("an EC private key written without its public key needs it (a PUBLIC KEY or CERTIFICATE PEM) alongside");
		}

	}

}
