package io.github.wxlogin.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.github.wxlogin.WxJwtClaimsCustomizer;
import io.github.wxlogin.WxPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Issues access tokens (signed JWTs) and rotating refresh tokens (opaque, stored as a hash), in the
 * shape of Spring Authorization Server's {@code JwtGenerator}: an encoder over one key source, a clock,
 * the claims, and a hook for the host's own claims.
 */
public class WxTokenService {

	private final JwtEncoder encoder;

	private final JwsHeader header;

	private final RefreshTokenStore refreshTokens;

	private final WxLoginSessionService sessions;

	private final WxTokenSettings settings;

	private final Clock clock;

	private final List<WxJwtClaimsCustomizer> customizers;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Create a service.
	 * @param encoder the encoder that signs access tokens
	 * @param signingKey the key the encoder signs with, which names the algorithm and {@code kid}
	 * @param refreshTokens the store of refresh tokens
	 * @param sessions the login sessions, kept to their mini program's limit at each login
	 * @param settings the claims and lifetimes
	 * @param clock the clock that dates tokens
	 * @param customizers the host's claim customizers, in order
	 */
	public WxTokenService(JwtEncoder encoder, WxSigningKey signingKey, RefreshTokenStore refreshTokens,
			WxLoginSessionService sessions, WxTokenSettings settings, Clock clock,
			List<? extends WxJwtClaimsCustomizer> customizers) {
		this.encoder = encoder;
		this.header = JwsHeader.with(jwsAlgorithm(signingKey)).keyId(signingKey.jwk().getKeyID()).type("JWT").build();
		this.refreshTokens = refreshTokens;
		this.sessions = sessions;
		this.settings = settings;
		this.clock = clock;
		this.customizers = List.copyOf(customizers);
	}

	private static JwsAlgorithm jwsAlgorithm(WxSigningKey key) {
		String name = key.algorithm().getName();
		SignatureAlgorithm signature = SignatureAlgorithm.from(name);
		return (signature != null) ? signature : MacAlgorithm.from(name);
	}

	/**
	 * Issue the tokens of a new login whose origin is not known: an access token and the first refresh
	 * token of a new family, which is a new session.
	 * @param subject the user
	 * @return the tokens
	 */
	public WxIssuedTokens issue(WxPrincipal subject) {
		return issue(subject, WxLoginOrigin.UNKNOWN);
	}

	/**
	 * Issue the tokens of a new login: an access token and the first refresh token of a new family, which
	 * is a new session, listed with where the login came from. When the mini program limits how many
	 * sessions an account holds, the account's oldest sessions there beyond the limit end.
	 * @param subject the user
	 * @param origin where the login came from
	 * @return the tokens
	 */
	public WxIssuedTokens issue(WxPrincipal subject, WxLoginOrigin origin) {
		Instant now = this.clock.instant();
		String familyId = RefreshTokenId.newFamilyId(this.random);
		String refreshToken = RefreshTokenId.newToken(familyId, this.random);
		RefreshTokenGrant grant = new RefreshTokenGrant(familyId, subject, now.plus(this.settings.refreshTokenTtl()));
		this.refreshTokens.save(RefreshTokenId.ofNewToken(familyId, refreshToken), grant, origin);
		this.sessions.limitSessions(subject);
		return issued(grant, now, refreshToken);
	}

	/**
	 * Find what a refresh token stands for, without spending it: a caller loads and checks everything a
	 * refresh needs first, so that a failure there (a store that does not answer) leaves the token usable.
	 * A token that was spent before revokes its family here already, as {@link #refresh} would.
	 * @param refreshToken the refresh token the client holds
	 * @return the grant, or empty when the refresh token is unknown, expired, revoked or spent
	 */
	public Optional<RefreshTokenGrant> findRefreshGrant(String refreshToken) {
		Optional<RefreshTokenGrant> grant = findUsableGrant(refreshToken);
		if (grant.isEmpty()) {
			// Only the rotation tells a spent token (whose family it revokes) from an unknown one
			refresh(refreshToken);
		}
		return grant;
	}

	/**
	 * Spend a refresh token and issue a new pair. A token presented a second time revokes its family and
	 * every access token of its session.
	 * @param refreshToken the refresh token the client holds
	 * @return the new tokens, or empty when the refresh token is unknown, expired, revoked or spent
	 */
	public Optional<WxIssuedTokens> refresh(String refreshToken) {
		return rotate(refreshToken, null);
	}

	/**
	 * Spend a refresh token whose grant {@link #findRefreshGrant} gave just before, and issue a new pair:
	 * as {@link #refresh(String)}, without the store reading the grant again.
	 * @param refreshToken the refresh token the client holds
	 * @param found the grant {@link #findRefreshGrant} gave for it
	 * @return the new tokens, or empty when the refresh token is unknown, expired, revoked or spent
	 */
	public Optional<WxIssuedTokens> refresh(String refreshToken, RefreshTokenGrant found) {
		return rotate(refreshToken, found);
	}

	private Optional<WxIssuedTokens> rotate(String refreshToken, @Nullable RefreshTokenGrant found) {
		Optional<RefreshTokenId> id = RefreshTokenId.of(refreshToken);
		if (id.isEmpty()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		// The successor stays in the family, so that the family's state stays together
		String next = RefreshTokenId.newToken(id.get().familyId(), this.random);
		Instant nextExpiresAt = now.plus(this.settings.refreshTokenTtl());
		UnaryOperator<RefreshTokenGrant> successor = (spent) -> new RefreshTokenGrant(spent.familyId(),
				spent.subject(), nextExpiresAt);
		RefreshTokenId nextId = RefreshTokenId.ofNewToken(id.get().familyId(), next);
		Optional<RefreshTokenGrant> spent = (found != null && found.familyId().equals(id.get().familyId()))
				? this.refreshTokens.rotate(id.get(), nextId, successor, found)
				: this.refreshTokens.rotate(id.get(), nextId, successor);
		if (spent.isEmpty()) {
			// A token spent before, presented again: someone else may hold it, so its session ends whole
			this.refreshTokens.findSpent(id.get()).ifPresent(this.sessions::reuseDetected);
			return Optional.empty();
		}
		return spent.map(successor).map((grant) -> issued(grant, now, next));
	}

	/**
	 * Find what a refresh token that can still be used stands for, without spending it and without
	 * treating a spent one as reused.
	 * @param refreshToken the refresh token
	 * @return the grant, or empty when the refresh token is unknown, expired, revoked or spent
	 */
	public Optional<RefreshTokenGrant> findUsableGrant(String refreshToken) {
		return RefreshTokenId.of(refreshToken).flatMap(this.refreshTokens::find);
	}

	/**
	 * Revoke the family of a refresh token, when the token is known and belongs to the given user.
	 * @param refreshToken the refresh token
	 * @param userId the user who asks
	 */
	public void revokeRefreshToken(String refreshToken, String userId) {
		findUsableGrant(refreshToken).filter((grant) -> grant.subject().userId().equals(userId))
			.ifPresent((grant) -> this.refreshTokens.revokeFamily(grant.familyId()));
	}

	private WxIssuedTokens issued(RefreshTokenGrant grant, Instant now, String refreshToken) {
		WxPrincipal subject = grant.subject();
		Instant expiresAt = now.plus(this.settings.accessTokenTtl());
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder();
		// The host's claims first, so that none of them can replace the starter's own
		this.customizers.forEach((customizer) -> customizer.customize(subject, claims));
		claims.issuer(this.settings.issuer())
			.audience(List.of((this.settings.audience() != null) ? this.settings.audience() : subject.appid()))
			.subject(subject.userId())
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(expiresAt)
			.id(UUID.randomUUID().toString())
			.claim(WxClaims.OPENID, subject.openid())
			.claim(WxClaims.APPID, subject.appid())
			.claim(WxClaims.SESSION_ID, grant.sessionId());
		String accessToken = this.encoder.encode(JwtEncoderParameters.from(this.header, claims.build()))
			.getTokenValue();
		return new WxIssuedTokens(subject, now, accessToken, expiresAt, refreshToken, grant.expiresAt(),
				grant.sessionId());
	}

}
