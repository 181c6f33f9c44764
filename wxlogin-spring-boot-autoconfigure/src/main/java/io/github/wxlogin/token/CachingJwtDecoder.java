package io.github.wxlogin.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A {@link JwtDecoder} that caches what it verified: each access token's signature and claims are
 * verified once by the delegate (see {@link WxJwtDecoders}), and the token is then served from a bounded
 * cache keyed by the token's hash, so that an ECDSA or RSA verification does not run on every request. It
 * is also the one place that checks revocation, of the token itself ({@code jti}) and of its login session
 * ({@code sid}):
 * <ul>
 * <li>a token not yet verified here is checked against the store ({@link TokenRevocationStore#isRevoked});
 * when the store does not answer, it is refused with a {@link TokenStoreUnavailableException} (503), not
 * accepted unchecked: it might have been revoked;</li>
 * <li>a cached token is checked on every use for what can change after it was verified: its expiry, and
 * its revocation as far as this instance knows it ({@link TokenRevocationStore#isKnownRevoked}, which the
 * Redis store answers from memory, so a cached token costs no store call and is served while the store is
 * down).</li>
 * </ul>
 * A token leaves the cache when it expires.
 */
public class CachingJwtDecoder implements JwtDecoder {

	private static final OAuth2Error REVOKED = new OAuth2Error("invalid_token", "The token was revoked", null);

	private final JwtDecoder delegate;

	private final TokenRevocationStore revocations;

	private final Clock clock;

	private final Duration clockSkew;

	private final Cache<String, Jwt> verified;

	/**
	 * Create a caching decoder.
	 * @param delegate the decoder that verifies signatures and claims
	 * @param revocations the revoked tokens
	 * @param clock the clock that tells expiry
	 * @param clockSkew the tolerance on {@code exp}
	 * @param maximumSize how many verified tokens are kept at most
	 */
	public CachingJwtDecoder(JwtDecoder delegate, TokenRevocationStore revocations, Clock clock, Duration clockSkew,
			long maximumSize) {
		this.delegate = delegate;
		this.revocations = revocations;
		this.clock = clock;
		this.clockSkew = clockSkew;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(Expiry.creating((String hash, Jwt jwt) -> remainingLife(jwt)))
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		String hash = TokenHash.of(token);
		Jwt jwt = this.verified.getIfPresent(hash);
		if (jwt == null) {
			try {
				jwt = this.delegate.decode(token);
				requireNotRevoked(jwt, this.revocations::isRevoked);
			}
			catch (DataAccessException ex) {
				throw new TokenStoreUnavailableException(ex);
			}
			this.verified.put(hash, jwt);
			return jwt;
		}
		if (remainingLife(jwt).isZero()) {
			this.verified.invalidate(hash);
			throw new BadJwtException("Jwt expired at " + jwt.getExpiresAt());
		}
		try {
			requireNotRevoked(jwt, this.revocations::isKnownRevoked);
		}
		catch (JwtValidationException ex) {
			this.verified.invalidate(hash);
			throw ex;
		}
		return jwt;
	}

	/** A token is revoked alone, by its jti, or with its session, by its sid. */
	private static void requireNotRevoked(Jwt jwt, Predicate<String> revoked) {
		String sessionId = jwt.getClaimAsString(WxClaims.SESSION_ID);
		if ((jwt.getId() != null && revoked.test(jwt.getId())) || (sessionId != null && revoked.test(sessionId))) {
			throw new JwtValidationException("The token was revoked", List.of(REVOKED));
		}
	}

	private Duration remainingLife(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null) {
			return Duration.ZERO;
		}
		return TimeLeft.until(this.clock, expiresAt.plus(this.clockSkew));
	}

}
