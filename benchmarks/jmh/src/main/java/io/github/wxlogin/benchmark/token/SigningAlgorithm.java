package io.github.wxlogin.benchmark.token;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.github.wxlogin.token.WxSigningKey;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The three algorithms the starter signs with, each with a fresh key and the decoder a team would wire
 * by hand with Spring Security's stock builders and default validators.
 */
public enum SigningAlgorithm {

	/**
	 * HMAC with SHA-256 over a shared secret.
	 */
	HS256 {

		@Override
		WxSigningKey newKey() {
			return WxSigningKey.hmac("benchmark-hmac-secret-of-at-least-32-bytes", null);
		}

		@Override
		JwtDecoder stockDecoder(WxSigningKey key) {
			byte[] secret = ((OctetSequenceKey) key.jwk()).toByteArray();
			return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
				.macAlgorithm(MacAlgorithm.HS256)
				.build();
		}

	},

	/**
	 * ECDSA on P-256 with SHA-256.
	 */
	ES256 {

		@Override
		WxSigningKey newKey() {
			return WxSigningKey.generateEc();
		}

		// withPublicKey takes only RSA keys; an EC key reaches the stock decoder as a JWK set
		@Override
		JwtDecoder stockDecoder(WxSigningKey key) {
			return NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(new JWKSet(key.jwk().toPublicJWK())))
				.jwsAlgorithm(SignatureAlgorithm.ES256)
				.build();
		}

	},

	/**
	 * RSASSA-PKCS1-v1_5 with SHA-256, 2048-bit key.
	 */
	RS256 {

		@Override
		WxSigningKey newKey() {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
				String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs8)
						+ "\n-----END PRIVATE KEY-----\n";
				return WxSigningKey.fromPem(pem, null);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("RSA keys are not available", ex);
			}
		}

		@Override
		JwtDecoder stockDecoder(WxSigningKey key) {
			try {
				return NimbusJwtDecoder.withPublicKey(((RSAKey) key.jwk()).toRSAPublicKey())
					.signatureAlgorithm(SignatureAlgorithm.RS256)
					.build();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

	};

	/**
	 * Create a new key for this algorithm.
	 * @return the key
	 */
	abstract WxSigningKey newKey();

	/**
	 * Create the decoder Spring Security's builders give for this key, with their default validators.
	 * @param key the key tokens are signed with
	 * @return the decoder
	 */
	abstract JwtDecoder stockDecoder(WxSigningKey key);

}
