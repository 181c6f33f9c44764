package io.github.wxlogin.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.wxlogin.clock.SettableClock;
import io.github.wxlogin.session.CaffeineTokenRevocationStore;
import io.github.wxlogin.session.TokenRevocationStore;
import io.github.wxlogin.session.TokenStoreUnavailableException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CachingJwtDecoderTests {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private final AtomicInteger verifications = new AtomicInteger();

	private final CaffeineTokenRevocationStore revocations = new CaffeineTokenRevocationStore(Clock.systemUTC(),
			Duration.ZERO);

	private JwtDecoder verifier(Instant expiresAt) {
		return (token) -> {
			this.verifications.incrementAndGet();
			return Jwt.withTokenValue(token).header("alg", "ES256").jti("jti-" + token).expiresAt(expiresAt)
				.subject("u1").claim(WxClaims.SESSION_ID, "session-of-" + token.charAt(0)).build();
		};
	}

	private CachingJwtDecoder cache(Instant expiresAt, Instant now) {
		return new CachingJwtDecoder(verifier(expiresAt), this.revocations, Clock.fixed(now, ZoneOffset.UTC),
				Duration.ofSeconds(30), 100);
	}

	@Test
	void tokenIsVerifiedOnceThenServedFromTheCache() {
		CachingJwtDecoder cache = cache(NOW.plusSeconds(600), NOW);
		assertThat(cache.decode("a").getSubject()).isEqualTo("u1");
		assertThat(cache.decode("a").getSubject()).isEqualTo("u1");
		assertThat(cache.decode("b").getSubject()).isEqualTo("u1");
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void revokedTokenIsRefusedEvenWhenCached() {
		CachingJwtDecoder cache = cache(NOW.plusSeconds(600), NOW);
		cache.decode("a");
		this.revocations.revoke("jti-a", Instant.now().plusSeconds(600));
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> cache.decode("a"));
	}

	@Test
	void revokedTokenIsRefusedAtItsFirstUseAndNotCached() {
		CachingJwtDecoder cache = cache(NOW.plusSeconds(600), NOW);
		this.revocations.revoke("jti-a", Instant.now().plusSeconds(600));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode("a"));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode("a"));
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void tokensOfARevokedSessionAreRefusedCachedOrNotAndOtherSessionsServed() {
		CachingJwtDecoder cache = cache(NOW.plusSeconds(600), NOW);
		cache.decode("a1");
		this.revocations.revoke("session-of-a", Instant.now().plusSeconds(600));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode("a1"));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode("a2"));
		assertThat(cache.decode("b1").getSubject()).isEqualTo("u1");
	}

	@Test
	void tokenNotYetVerifiedIsRefusedWithStoreUnavailableWhenTheStoreDoesNotAnswer() {
		TokenRevocationStore down = new TokenRevocationStore() {

			@Override
			public void revoke(String jti, Instant expiresAt) {
			}

			@Override
			public boolean isRevoked(String jti) {
				throw new QueryTimeoutException("the store did not answer");
			}

		};
		CachingJwtDecoder cache = new CachingJwtDecoder(verifier(NOW.plusSeconds(600)), down,
				Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30), 100);
		assertThatExceptionOfType(TokenStoreUnavailableException.class).isThrownBy(() -> cache.decode("a"));
	}

	@Test
	void tokenPastItsExpiryAndSkewIsRefusedEvenWhenCached() {
		SettableClock clock = new SettableClock(NOW);
		CachingJwtDecoder cache = new CachingJwtDecoder(verifier(NOW.plusSeconds(60)), this.revocations, clock,
				Duration.ofSeconds(30), 100);
		cache.decode("a");
		clock.advance(Duration.ofSeconds(89));
		assertThat(cache.decode("a")).isNotNull();
		clock.advance(Duration.ofSeconds(2));
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> cache.decode("a"));
	}

	@Test
	void failedVerificationIsNotCached() {
		AtomicInteger calls = new AtomicInteger();
		CachingJwtDecoder cache = new CachingJwtDecoder((token) -> {
			calls.incrementAndGet();
			throw new JwtException("bad");
		}, this.revocations, Clock.systemUTC(), Duration.ZERO, 100);
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> cache.decode("a"));
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> cache.decode("a"));
		assertThat(calls).hasValue(2);
	}

}
