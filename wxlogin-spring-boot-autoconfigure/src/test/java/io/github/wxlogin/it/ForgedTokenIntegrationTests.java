package io.github.wxlogin.it;

import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import io.github.wxlogin.token.WxSigningKey;
import io.github.wxlogin.token.WxTokenSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every forged, foreign or stale access token is refused with 401, on an EC key (the default) and on an
 * HMAC key.
 */
class ForgedTokenIntegrationTests {

	abstract static class Forging extends HostIntegrationTest {

		@Autowired
		WxSigningKey signingKey;

		@Autowired
		WxTokenSettings settings;

		Forgeries forge;

		@BeforeEach
		void forge() {
			this.forge = new Forgeries(this.signingKey, this.settings.issuer(), this.fake.appid());
		}

		void assertRefused(String token) {
			assertProblem(this.client.get("/api/hello", token), 401, "unauthorized");
		}

		@Test
		void wellFormedTokenIsAccepted() {
			assertThat(this.client.get("/api/hello", this.forge.signed((claims) -> {
			})).status().value()).isEqualTo(200);
		}

		@Test
		void unsignedTokenIsRefused() {
			assertRefused(this.forge.unsigned());
		}

		@Test
		void tamperedPayloadIsRefused() {
			assertRefused(this.forge.tamperedPayload());
		}

		@Test
		void tokenOfAnotherKeyIsRefused() throws Exception {
			assertRefused(this.forge.signedByAnotherKey());
		}

		@Test
		void expiredTokenIsRefused() {
			assertRefused(this.forge.signed((claims) -> claims.expirationTime(Date.from(Instant.now().minusSeconds(60)))
				.issueTime(Date.from(Instant.now().minusSeconds(7200)))));
		}

		@Test
		void tokenNotYetValidIsRefused() {
			assertRefused(this.forge.signed((claims) -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(600)))));
		}

		@Test
		void tokenIssuedInTheFutureIsRefused() {
			assertRefused(this.forge.signed((claims) -> claims.issueTime(Date.from(Instant.now().plusSeconds(3600)))));
		}

		@Test
		void tokenIssuedWithinTheClockSkewIsAccepted() {
			assertThat(this.client.get("/api/hello",
					this.forge.signed((claims) -> claims.issueTime(Date.from(Instant.now().plusSeconds(10)))))
				.status()
				.value()).isEqualTo(200);
		}

		@Test
		void tokenWithoutIssuedAtIsRefused() {
			assertRefused(this.forge.signed((claims) -> claims.issueTime(null)));
		}

		@Test
		void tokenOfAnotherTypeIsRefused() {
			assertRefused(this.forge.signedWithHeader((header) -> header.type(new JOSEObjectType("at+jwt"))));
			assertRefused(this.forge.signedWithHeader((header) -> header.type(new JOSEObjectType("dpop+jwt"))));
		}

		@Test
		void tokenWithoutTypeIsAccepted() {
			assertThat(this.client.get("/api/hello", this.forge.signedWithHeader((header) -> header.type(null)))
				.status()
				.value()).isEqualTo(200);
		}

		@Test
		void issuedTokensAreTypedJwt() throws Exception {
			assertThat(SignedJWT.parse(accessToken("openid-forged-typ")).getHeader().getType())
				.isEqualTo(JOSEObjectType.JWT);
		}

		@Test
		void tokenWithoutExpiryIsRefused() {
			assertRefused(this.forge.signed((claims) -> claims.expirationTime(null)));
		}

		@Test
		void tokenOfAnotherIssuerIsRefused() {
			assertRefused(this.forge.signed((claims) -> claims.issuer("someone-else")));
		}

		@Test
		void tokenOfAnotherAudienceIsRefused() {
			assertRefused(this.forge.signed((claims) -> claims.audience("wxanotherapp00001")));
		}

		@Test
		void tokenWithoutSubjectOrIdIsRefused() {
			assertRefused(this.forge.signed((claims) -> claims.subject(null)));
			assertRefused(this.forge.signed((claims) -> claims.jwtID(null)));
		}

		@Test
		void tokenWithoutWeChatClaimsIsRefused() {
			assertRefused(this.forge.signed((claims) -> claims.claim("openid", null)));
		}

		@Test
		void injectedKeyIdsAreRefused() {
			assertRefused(this.forge.signedWithHeader((header) -> header.keyID("../../../../etc/passwd")));
			assertRefused(this.forge.signedWithHeader((header) -> header.keyID("' OR '1'='1")));
		}

		@Test
		void keyUrlsInTheHeaderAreNeverFollowed() throws Exception {
			assertRefused(this.forge.withAttackerJwkInHeader());
			String withJku = this.forge.signedWithHeader(
					(header) -> header.jwkURL(java.net.URI.create("http://127.0.0.1:1/jwks.json")));
			String withX5u = this.forge.signedWithHeader(
					(header) -> header.x509CertURL(java.net.URI.create("http://127.0.0.1:1/cert.pem")));
			// Signed with the real key, these are valid: the URLs are ignored, not fetched
			assertThat(this.client.get("/api/hello", withJku).status().value()).isEqualTo(200);
			assertThat(this.client.get("/api/hello", withX5u).status().value()).isEqualTo(200);
		}

		@Test
		void unknownCriticalHeaderIsRefused() {
			assertRefused(this.forge.signedWithHeader((header) -> header.criticalParams(java.util.Set.of("exp-custom"))
				.customParam("exp-custom", 1)));
		}

		@Test
		void encryptedTokenIsRefused() throws Exception {
			assertRefused(this.forge.encrypted());
		}

		@Test
		void nestedTokenIsRefused() throws Exception {
			assertRefused(this.forge.nested());
		}

		@Test
		void tokenAfterLogoutIsRefused() {
			String token = accessToken("openid-forged-logout");
			this.client.post("/wx/logout", token, java.util.Map.of());
			assertRefused(token);
		}

		@Test
		void garbageIsRefused() {
			assertRefused("not.a.jwt");
			assertRefused("a");
			assertRefused(Base64URL.encode("{}").toString() + "." + Base64URL.encode("{}") + ".");
		}

	}

	@Nested
	class OnTheDefaultEcKey extends Forging {

		@Test
		void es256WithZeroSignatureIsRefused() {
			assertRefused(this.forge.es256WithZeroSignature());
		}

		@Test
		void hs256KeyedWithThePublicKeyIsRefused() throws Exception {
			assertRefused(this.forge.hs256KeyedWithThePublicKey());
		}

		@Test
		void publicKeyIsPublishedAsAJwkSet() {
			WxLoginClient.Reply jwks = this.client.get("/wx/jwks.json", null);
			assertThat(jwks.status().value()).isEqualTo(200);
			assertThat(jwks.json().path("keys").get(0).path("kty").asString()).isEqualTo("EC");
			assertThat(jwks.json().path("keys").get(0).has("d")).isFalse();
		}

	}

	@Nested
	@TestPropertySource(properties = "wx.login.jwt.hmac-secret=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
	class OnAnHmacKey extends Forging {

		@Test
		void hs512UnderTheSameSecretIsRefused() throws Exception {
			assertRefused(this.forge.hs512UnderTheSameSecret());
		}

		@Test
		void noJwkSetIsPublished() {
			assertThat(this.client.get("/wx/jwks.json", null).status().value()).isEqualTo(404);
		}

	}

}
