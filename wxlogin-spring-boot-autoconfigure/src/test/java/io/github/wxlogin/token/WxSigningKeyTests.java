package io.github.wxlogin.token;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WxSigningKey} read from PEM. The files under {@code keys/} were made with
 * {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256} ({@code ec-private.pem},
 * {@code ec-pkcs8-openssl.pem}), {@code openssl pkey -pubout}, {@code openssl req -new -x509},
 * {@code openssl ecparam -name prime256v1 -genkey} ({@code ec-sec1-openssl.pem}) and
 * {@code openssl ec -no_public} ({@code ec-sec1-no-public.pem}).
 */
class WxSigningKeyTests {

	@Test
	void ecKeyWithItsPublicKeyInTheSamePemIsEs256AndPublishesThatKey() {
		WxSigningKey key = WxSigningKey.fromPem(resource("ec-private.pem") + resource("ec-public.pem"), null);
		assertThat(key.algorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(key.publicJwkSet().getKeys()).singleElement()
			.satisfies((jwk) -> assertThat(jwk.isPrivate()).isFalse())
			.isEqualTo(WxSigningKey.fromPem(resource("ec-private.pem"), resource("ec-certificate.pem"), null)
				.publicJwkSet()
				.getKeys()
				.get(0));
	}

	@Test
	void ecKeyWithItsPublicKeyOrCertificateApartIsEs256() {
		assertThat(WxSigningKey.fromPem(resource("ec-private.pem"), resource("ec-public.pem"), "k1").jwk())
			.isInstanceOf(ECKey.class)
			.satisfies((jwk) -> assertThat(jwk.getKeyID()).isEqualTo("k1"));
		assertThat(WxSigningKey.fromPem(resource("ec-private.pem") + resource("ec-certificate.pem"), null)
			.algorithm()).isEqualTo(JWSAlgorithm.ES256);
	}

	@Test
	void ecKeyAsOpenSslGenpkeyWritesItIsReadWithThePublicKeyItEmbeds() {
		// PKCS#8 whose inner SEC1 structure holds the public point: the same key as the PEM pair above
		assertThat(WxSigningKey.fromPem(resource("ec-private.pem"), null).publicJwkSet())
			.isEqualTo(WxSigningKey.fromPem(resource("ec-private.pem"), resource("ec-public.pem"), null).publicJwkSet());
		assertThat(WxSigningKey.fromPem(resource("ec-pkcs8-openssl.pem"), null).algorithm()).isEqualTo(JWSAlgorithm.ES256);
	}

	@Test
	void ecKeyAsOpenSslEcparamWritesItIsReadWithThePublicKeyItEmbeds() {
		// SEC1 (EC PRIVATE KEY) after an EC PARAMETERS block, as 'openssl ecparam -genkey' writes it
		WxSigningKey key = WxSigningKey.fromPem(resource("ec-sec1-openssl.pem"), null);
		assertThat(key.algorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(key.publicJwkSet().getKeys()).singleElement()
			.satisfies((jwk) -> assertThat(jwk.isPrivate()).isFalse());
	}

	@Test
	void ecKeyWrittenWithoutItsPublicKeyIsRefused() throws Exception {
		// 'openssl ec -no_public' and the JDK's own PKCS#8 encoding leave the public point out
		assertThatExceptionOfType(WxSigningKey.MissingPublicKeyException.class)
			.isThrownBy(() -> WxSigningKey.fromPem(resource("ec-sec1-no-public.pem"), null))
			.withMessageContaining("public key");
		String jdkPkcs8 = pem("PRIVATE KEY", ecKeyPair().getPrivate().getEncoded());
		assertThatExceptionOfType(WxSigningKey.MissingPublicKeyException.class)
			.isThrownBy(() -> WxSigningKey.fromPem(jdkPkcs8, null));
	}

	@Test
	void embeddedPublicKeyOfAnotherKeyIsRefusedByThePairCheck() throws Exception {
		// ec-private.pem's DER ends with its public point (04 || X || Y): put another key's point there
		String body = resource("ec-private.pem").replaceAll("-----[A-Z ]+-----|\\s", "");
		byte[] der = Base64.getDecoder().decode(body);
		ECPoint other = ((ECPublicKey) ecKeyPair().getPublic()).getW();
		System.arraycopy(unsigned(other.getAffineX()), 0, der, der.length - 64, 32);
		System.arraycopy(unsigned(other.getAffineY()), 0, der, der.length - 32, 32);
		assertThatIllegalArgumentException().isThrownBy(() -> WxSigningKey.fromPem(pem("PRIVATE KEY", der), null))
			.withMessageContaining("not the private key's");
	}

	private static byte[] unsigned(BigInteger coordinate) {
		byte[] bytes = coordinate.toByteArray();
		byte[] fixed = new byte[32];
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
		return fixed;
	}

	@Test
	void publicKeyOfAnotherKeyIsRefused() throws Exception {
		KeyPair other = ecKeyPair();
		String otherPublic = pem("PUBLIC KEY", other.getPublic().getEncoded());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WxSigningKey.fromPem(resource("ec-private.pem"), otherPublic, null))
			.withMessageContaining("not the private key's");
	}

	@Test
	void rsaKeyTakesItsPublicKeyFromThePrivateKey() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		WxSigningKey key = WxSigningKey.fromPem(pem("PRIVATE KEY", pair.getPrivate().getEncoded()), null);
		assertThat(key.algorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(((RSAKey) key.publicJwkSet().getKeys().get(0)).toRSAPublicKey()).isEqualTo(pair.getPublic());
	}

	@Test
	void theKeyIdDerivedIsTheKeysThumbprint() throws Exception {
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		for (WxSigningKey key : new WxSigningKey[] { WxSigningKey.hmac("an-hmac-secret-of-at-least-32-bytes-long", null),
				WxSigningKey.generateEc(),
				WxSigningKey.fromPem(pem("PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded()), null) }) {
			assertThat(key.jwk().getKeyID()).as(key.algorithm().getName())
				.isEqualTo(key.jwk().computeThumbprint().toString());
		}
	}

	@Test
	void theThumbprintIsTheOneOfRfc7638() throws Exception {
		// the example of RFC 7638, section 3.1
		RSAKey key = new RSAKey.Builder(new Base64URL("0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFF"
				+ "xuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2Q"
				+ "vzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcR"
				+ "wr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"), new Base64URL("AQAB"))
			.build();
		assertThat(WxSigningKey.thumbprint(key)).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
	}

	@Test
	void textWithoutAPrivateKeyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> WxSigningKey.fromPem(resource("ec-public.pem"), null))
			.withMessageContaining("private key");
	}

	private static KeyPair ecKeyPair() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(der) + "\n-----END " + type + "-----\n";
	}

	private static String resource(String name) {
		try (InputStream in = WxSigningKeyTests.class.getResourceAsStream("/keys/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
