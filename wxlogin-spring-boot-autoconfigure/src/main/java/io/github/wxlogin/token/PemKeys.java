package io.github.wxlogin.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.pem.PemContent;

/**
 * Reads keys from PEM text with what Spring Boot (private keys, certificates) and the JDK (public keys)
 * offer.
 */
final class PemKeys {

	/** Boot's PEM support reads private keys and certificates, not a bare public key: this is all it takes. */
	private static final Pattern PUBLIC_KEY = Pattern
		.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

	private static final String CERTIFICATE = "-----BEGIN CERTIFICATE-----";

	private static final byte[] PROBE = "wxlogin key pair check".getBytes(StandardCharsets.US_ASCII);

	private PemKeys() {
	}

	static PrivateKey privateKey(String pem) {
		try {
			return PemContent.of(pem).getPrivateKey();
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("the PEM does not hold a readable RSA or EC private key (it must "
					+ "contain '-----BEGIN PRIVATE KEY-----'; convert other formats with 'openssl pkcs8 -topk8 -nocrypt')");
		}
	}

	/**
	 * Return the first public key or certificate's key found in the texts, in their order.
	 */
	static @Nullable PublicKey publicKey(String algorithm, @Nullable String... pems) {
		for (String pem : pems) {
			if (pem == null) {
				continue;
			}
			Matcher publicKey = PUBLIC_KEY.matcher(pem);
			if (publicKey.find()) {
				return x509PublicKey(algorithm, publicKey.group(1));
			}
			if (pem.contains(CERTIFICATE)) {
				return certificateKey(pem);
			}
		}
		return null;
	}

	static PublicKey rsaPublicKey(RSAPrivateCrtKey key) {
		try {
			return KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("cannot derive the RSA public key", ex);
		}
	}

	/**
	 * Check that the public key verifies what the private key signs, so that a wrong public key fails at
	 * start-up rather than every token at its first use.
	 */
	static void requirePair(PrivateKey privateKey, PublicKey publicKey) {
		if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
			throw new IllegalArgumentException("the public key is " + publicKey.getAlgorithm()
					+ ", the private key " + privateKey.getAlgorithm());
		}
		String algorithm = privateKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
		try {
			Signature signer = Signature.getInstance(algorithm);
			signer.initSign(privateKey);
			signer.update(PROBE);
			byte[] signature = signer.sign();
			Signature verifier = Signature.getInstance(algorithm);
			verifier.initVerify(publicKey);
			verifier.update(PROBE);
			if (verifier.verify(signature)) {
				return;
			}
		}
		catch (GeneralSecurityException ex) {
			// not a pair either
		}
		throw new IllegalArgumentException("the public key given is not the private key's");
	}

	private static PublicKey x509PublicKey(String algorithm, String base64) {
		try {
			byte[] der = Base64.getMimeDecoder().decode(base64);
			return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			throw new IllegalArgumentException("the PUBLIC KEY is not a readable " + algorithm + " public key");
		}
	}

	private static PublicKey certificateKey(String pem) {
		try {
			List<java.security.cert.X509Certificate> chain = PemContent.of(pem).getCertificates();
			return chain.get(0).getPublicKey();
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("the CERTIFICATE is not a readable X.509 certificate");
		}
	}

}
