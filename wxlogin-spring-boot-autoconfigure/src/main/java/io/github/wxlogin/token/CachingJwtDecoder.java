package io.github.wxlogin.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.wxlogin.session.TimeLeft;
import io.github.wxlogin.session.TokenHash;
import io.github.wxlogin.session.TokenRevocationStore;
import io.github.wxlogin.session.TokenStoreUnavailableException;
import io.github.wxlogin.session.WxSessionEndReason;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.core.OAuth2Error;
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
 * A token refused for its expiry (with a valid signature) or a revocation is refused with a
 * {@link WxTokenRefusedException} that says why. The token's mini program is checked on every use too: a token of an app switched off or removed in the
 * app registry is refused from then on. A token leaves the cache when it expires. What those checks read of a token (its {@code jti}, {@code sid}
 * and expiry) is read once, when it is verified, and kept with it: a cached token costs no claim
 * conversion.
 */
public class CachingJwtDecoder implements JwtDecoder {

	private static final OAuth2Error APP_NOT_SERVED = new OAuth2Error("invalid_token",
			"The token's mini program is not served", null);

	private final JwtDecoder delegate;

	private final TokenRevocationStore revocations;

	private final Clock clock;

	private final Duration clockSkew;

	private final Cache<String, VerifiedToken> verified;

	private final Predicate<String> appServed;

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
		this(delegate, revocations, clock, clockSkew, maximumSize, (appid) -> true);
	}

	/**
	 * Create a caching decoder that also refuses the tokens of apps no longer served.
	 * @param delegate the decoder that verifies signatures and claims
	 * @param revocations the revoked tokens
	 * @param clock the clock that tells expiry
	 * @param clockSkew the tolerance on {@code exp}
	 * @param maximumSize how many verified tokens are kept at most
	 * @param appServed whether the app of an AppID is served and switched on, asked on every use of a token
	 */
	public CachingJwtDecoder(JwtDecoder delegate, TokenRevocationStore revocations, Clock clock, Duration clockSkew,
			long maximumSize, Predicate<String> appServed) {
		this.appServed = appServed;
		this.delegate = delegate;
		this.revocations = revocations;
		this.clock = clock;
		this.clockSkew = clockSkew;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(Expiry.creating((String hash, VerifiedToken token) -> remainingLife(token)))
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		String hash = TokenHash.of(token);
		VerifiedToken verified = this.verified.getIfPresent(hash);
		if (verified == null) {
			try {
				verified = VerifiedToken.of(this.delegate.decode(token));
				requireAppServed(verified);
				requireNotRevoked(verified, this.revocations::revocation);
			}
			catch (DataAccessException ex) {
				throw new TokenStoreUnavailableException(ex);
			}
			catch (JwtValidationException ex) {
				throw WxJwtDecoders.isExpiredOnly(ex) ? new WxTokenRefusedException(WxSessionEndReason.EXPIRED) : ex;
			}
			this.verified.put(hash, verified);
			return verified.jwt();
		}
		if (remainingLife(verified).isZero()) {
			this.verified.invalidate(hash);
			throw new WxTokenRefusedException(WxSessionEndReason.EXPIRED);
		}
		try {
			requireAppServed(verified);
			requireNotRevoked(verified, this.revocations::knownRevocation);
		}
		catch (JwtValidationException ex) {
			this.verified.invalidate(hash);
			throw ex;
		}
		return verified.jwt();
	}

	private void requireAppServed(VerifiedToken token) {
		if (token.appid() != null && !this.appServed.test(token.appid())) {
			throw new JwtValidationException("The token's mini program is not served", List.of(APP_NOT_SERVED));
		}
	}

	/**
	 * A token is revoked alone, by its jti, or with its session, by its sid; the revocation's reason is the
	 * one the client is told.
	 */
	private static void requireNotRevoked(VerifiedToken token, Function<String, Optional<WxSessionEndReason>> revoked) {
		Optional<WxSessionEndReason> reason = (token.id() != null) ? revoked.apply(token.id()) : Optional.empty();
		if (reason.isEmpty() && token.sessionId() != null) {
			reason = revoked.apply(token.sessionId());
		}
		if (reason.isPresent()) {
			throw new WxTokenRefusedException(reason.get());
		}
	}

	private Duration remainingLife(VerifiedToken token) {
		Instant expiresAt = token.expiresAt();
		if (expiresAt == null) {
			return Duration.ZERO;
		}
		return TimeLeft.until(this.clock, expiresAt.plus(this.clockSkew));
	}

	/** A verified token with the claims its checks read on every use, converted once. */
	private record VerifiedToken(Jwt jwt, @Nullable String id, @Nullable String sessionId, @Nullable String appid,
			@Nullable Instant expiresAt) {

		static VerifiedToken of(Jwt jwt) {
			return new VerifiedToken(jwt, jwt.getId(), jwt.getClaimAsString(WxClaims.SESSION_ID),
					jwt.getClaimAsString(WxClaims.APPID), jwt.getExpiresAt());
		}

	}

}
