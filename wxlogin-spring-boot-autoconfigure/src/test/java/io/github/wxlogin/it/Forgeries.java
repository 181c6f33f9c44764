package io.github.wxlogin.it;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.github.wxlogin.token.WxSigningKey;

/**
 * Makes access tokens the way an attacker would, around the application's real signing key.
 */
final class Forgeries {

	private final WxSigningKey key;

	private final String issuer;

	private final String audience;

	Forgeries(WxSigningKey key, String issuer, String audience) {
		this.key = key;
		this.issuer = issuer;
		this.audience = audience;
	}

	JWTClaimsSet.Builder claims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(this.issuer)
			.audience(this.audience)
			.subject("user-1")
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(600)))
			.claim("openid", "openid-forged")
			.claim("appid", this.audience);
	}

	String signed(JWTClaimsSet claims) {
		return sign(header().build(), claims, signer(this.key.jwk()));
	}

	String signed(Consumer<JWTClaimsSet.Builder> change) {
		JWTClaimsSet.Builder claims = claims();
		change.accept(claims);
		return signed(claims.build());
	}

	String signedWithHeader(Consumer<JWSHeader.Builder> change) {
		JWSHeader.Builder header = header();
		change.accept(header);
		return sign(header.build(), claims().build(), signer(this.key.jwk()));
	}

	String signedByAnotherKey() throws Exception {
		JWK other = (this.key.jwk() instanceof OctetSequenceKey)
				? new OctetSequenceKey.Builder(new byte[32]).keyID(this.key.jwk().getKeyID()).build()
				: new ECKeyGenerator(Curve.P_256).keyID(this.key.jwk().getKeyID()).generate();
		return sign(header().build(), claims().build(), signer(other));
	}

	String unsigned() {
		return new PlainJWT(claims().build()).serialize();
	}

	String tamperedPayload() {
		String[] parts = signed(claims().build()).split("\\.");
		String payload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(claims().subject("someone-else").build().toString().getBytes());
		return parts[0] + "." + payload + "." + parts[2];
	}

	/** Needs a secret of at least 64 bytes, as HS512 does. */
	String hs512UnderTheSameSecret() throws Exception {
		byte[] secret = ((OctetSequenceKey) this.key.jwk()).toByteArray();
		return sign(new JWSHeader.Builder(JWSAlgorithm.HS512).keyID(this.key.jwk().getKeyID()).build(),
				claims().build(), new MACSigner(secret));
	}

	/** The classic algorithm confusion: HS256 keyed with the bytes of the public key. */
	String hs256KeyedWithThePublicKey() throws Exception {
		byte[] publicKey = this.key.jwk().toPublicJWK().toJSONString().getBytes();
		return sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(this.key.jwk().getKeyID()).build(),
				claims().build(), new MACSigner(publicKey));
	}

	/** ES256 with r = s = 0, which a broken verifier (CVE-2022-21449) accepts for any key. */
	String es256WithZeroSignature() {
		String[] parts = signed(claims().build()).split("\\.");
		return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);
	}

	/** A JWS whose payload is another JWT rather than claims. */
	String nested() throws Exception {
		JWSObject outer = new JWSObject(header().contentType("JWT").build(), new Payload(signed(claims().build())));
		outer.sign(signer(this.key.jwk()));
		return outer.serialize();
	}

	String encrypted() throws Exception {
		EncryptedJWT jwe = new EncryptedJWT(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A128CBC_HS256),
				claims().build());
		jwe.encrypt(new DirectEncrypter(new byte[32]));
		return jwe.serialize();
	}

	String withAttackerJwkInHeader() throws Exception {
		ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID("attacker").generate();
		return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("attacker").jwk(attacker.toPublicJWK()).build(),
				claims().build(), new ECDSASigner(attacker));
	}

	private JWSHeader.Builder header() {
		return new JWSHeader.Builder(this.key.algorithm()).keyID(this.key.jwk().getKeyID()).type(JOSEObjectType.JWT);
	}

	private static JWSSigner signer(JWK jwk) {
		try {
			return (jwk instanceof OctetSequenceKey oct) ? new MACSigner(oct) : new ECDSASigner((ECKey) jwk);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
		try {
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(signer);
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
