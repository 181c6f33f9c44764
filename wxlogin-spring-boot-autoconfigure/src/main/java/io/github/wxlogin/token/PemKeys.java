package io.github.wxlogin.token;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
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

	/** A private key as OpenSSL writes it: PKCS#8 ({@code PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}). */
	private static final Pattern PRIVATE_KEY = Pattern
		.compile("-----BEGIN (EC )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1?PRIVATE KEY-----");

	private static final int SEQUENCE = 0x30;

	private static final int OCTET_STRING = 0x04;

	private static final int BIT_STRING = 0x03;

	/** SEC1's {@code publicKey [1] BIT STRING OPTIONAL}. */
	private static final int SEC1_PUBLIC_KEY = 0xA1;

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

	/**
	 * Return the public key OpenSSL writes inside an EC private key's own structure (SEC1's optional
	 * {@code publicKey}, also inside PKCS#8 as {@code openssl genpkey} and {@code openssl ecparam -genkey}
	 * write it), or {@code null} when the key was written without it.
	 */
	static @Nullable PublicKey embeddedEcPublicKey(String pem, ECPrivateKey privateKey) {
		Matcher block = PRIVATE_KEY.matcher(pem);
		if (!block.find()) {
			return null;
		}
		try {
			Der der = new Der(Base64.getMimeDecoder().decode(block.group(2)));
			if (block.group(1) == null) {
				// PKCS#8: version, algorithm, then the SEC1 structure in an OCTET STRING
				Der info = der.next(SEQUENCE);
				info.skip();
				info.skip();
				der = new Der(info.next(OCTET_STRING).rest());
			}
			Der sec1 = der.next(SEQUENCE);
			while (sec1.hasMore()) {
				if (sec1.peek() != SEC1_PUBLIC_KEY) {
					sec1.skip();
					continue;
				}
				byte[] bits = sec1.next(SEC1_PUBLIC_KEY).next(BIT_STRING).rest();
				return ecPublicKey(bits, privateKey.getParams());
			}
			return null;
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			return null;
		}
	}

	/** The uncompressed point ({@code 04 || X || Y}) after the BIT STRING's count of unused bits. */
	private static PublicKey ecPublicKey(byte[] bits, ECParameterSpec params) {
		int size = (params.getCurve().getField().getFieldSize() + 7) / 8;
		if (bits.length != 2 + 2 * size || bits[0] != 0 || bits[1] != 4) {
			throw new IllegalArgumentException("not an uncompressed point");
		}
		BigInteger x = new BigInteger(1, Arrays.copyOfRange(bits, 2, 2 + size));
		BigInteger y = new BigInteger(1, Arrays.copyOfRange(bits, 2 + size, bits.length));
		try {
			return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), params));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not a point of the key's curve", ex);
		}
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

	/** Just enough DER to walk the few structures above: tag, definite length, contents. */
	private static final class Der {

		private final byte[] bytes;

		private int position;

		private final int end;

		Der(byte[] bytes) {
			this(bytes, 0, bytes.length);
		}

		private Der(byte[] bytes, int start, int end) {
			this.bytes = bytes;
			this.position = start;
			this.end = end;
		}

		boolean hasMore() {
			return this.position < this.end;
		}

		int peek() {
			return this.bytes[this.position] & 0xFF;
		}

		Der next(int tag) {
			if (peek() != tag) {
				throw new IllegalArgumentException("expected tag " + tag);
			}
			this.position++;
			int length = this.bytes[this.position++] & 0xFF;
			if (length > 0x80) {
				int octets = length - 0x80;
				length = 0;
				for (int i = 0; i < octets; i++) {
					length = (length << 8) | (this.bytes[this.position++] & 0xFF);
				}
			}
			int start = this.position;
			this.position += length;
			if (length < 0 || this.position > this.end) {
				throw new IllegalArgumentException("truncated");
			}
			return new Der(this.bytes, start, this.position);
		}

		void skip() {
			next(peek());
		}

		byte[] rest() {
			return Arrays.copyOfRange(this.bytes, this.position, this.end);
		}

	}

}
