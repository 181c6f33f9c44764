package io.github.wxlogin.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.session.RefreshTokenGrant;
import io.github.wxlogin.session.RefreshTokenId;
import io.github.wxlogin.session.RefreshTokenRotation;
import io.github.wxlogin.session.RefreshTokenStore;
import io.github.wxlogin.session.RefreshTokenSuccessor;
import io.github.wxlogin.session.WxLoginOrigin;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.session.WxSessionEndReason;

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
	 * The successors of rotations the store did not answer (it may have spent the token before its answer
	 * was lost), by the presented token: the client's retry on this instance sends the same rotation again,
	 * which the store answers as rotated however long the outage lasted, instead of taking the retry for a
	 * reuse once the reuse interval has passed.
	 */
	private final Cache<RefreshTokenId, Successor> unanswered = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofHours(1))
		.executor(Runnable::run)
		.build();

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
	 * Spend a refresh token and issue a new pair. A token presented a second time revokes its family and
	 * every access token of its session, unless it comes within the reuse interval as a retry (see
	 * {@link #refresh(String, Function)}).
	 * @param refreshToken the refresh token the client holds
	 * @return the new tokens, or empty when the refresh token is unknown, expired, revoked or spent
	 */
	public Optional<WxIssuedTokens> refresh(String refreshToken) {
		return refresh(refreshToken, (grant) -> grant).map(Refreshed::tokens);
	}

	/**
	 * Spend a refresh token and issue a new pair once {@code admit} let the grant through, as a refresh
	 * that checks the user (gone, disabled) does. Should {@code admit} throw, or the issuing fail, the
	 * token is left usable, so that a refresh refused for a store that did not answer succeeds when the
	 * client tries again. With a store that {@linkplain RefreshTokenStore#canUndoRotation can undo a
	 * rotation} the token is spent first (the store's one call) and the spend undone on a failure; with
	 * another, the token is read and admitted before it is spent. A token presented a second time revokes
	 * its family and every access token of its session, whether or not {@code admit} would let it through,
	 * unless it comes within the {@linkplain WxTokenSettings#refreshReuseInterval() reuse interval} of its
	 * rotation and its successor was not spent: a client whose reply was lost is then answered, once
	 * {@code admit} let it through, with the same successor (the store keeps it sealed under the presented
	 * token, which no store holds) and a fresh access token of the same session.
	 * @param <T> what {@code admit} returns
	 * @param refreshToken the refresh token the client holds
	 * @param admit checks what the token stands for, and throws to refuse the refresh
	 * @return the new tokens with what {@code admit} returned, or empty when the refresh token is unknown,
	 * expired, revoked or spent
	 */
	public <T> Optional<Refreshed<T>> refresh(String refreshToken, Function<RefreshTokenGrant, T> admit) {
		try {
			return Optional.of(refreshOrRefuse(refreshToken, admit));
		}
		catch (WxRefreshRefusedException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Spend a refresh token and issue a new pair once {@code admit} let the grant through, as
	 * {@link #refresh(String, Function)} does, or say why the token does not work.
	 * @param <T> what {@code admit} returns
	 * @param refreshToken the refresh token the client holds
	 * @param admit checks what the token stands for, and throws to refuse the refresh
	 * @return the new tokens with what {@code admit} returned
	 * @throws WxRefreshRefusedException if the refresh token is unknown, expired, revoked or spent, with
	 * the reason its session ended
	 */
	public <T> Refreshed<T> refreshOrRefuse(String refreshToken, Function<RefreshTokenGrant, T> admit) {
		RefreshTokenId id = RefreshTokenId.of(refreshToken)
			.orElseThrow(() -> new WxRefreshRefusedException(WxSessionEndReason.EXPIRED));
		Rotation rotation = new Rotation(refreshToken, id);
		if (!this.refreshTokens.canUndoRotation()) {
			Optional<RefreshTokenGrant> found = this.refreshTokens.find(id);
			if (found.isEmpty()) {
				// Only the rotation tells a spent token (whose family it revokes, unless a retry) from an unknown one
				Spend spend = rotation.spend();
				T admitted = admit.apply(spend.spent());
				return new Refreshed<>(rotation.issue(spend), admitted);
			}
			T admitted = admit.apply(found.get());
			return new Refreshed<>(rotation.issue(rotation.spend()), admitted);
		}
		Spend spend = rotation.spend();
		try {
			T admitted = admit.apply(spend.spent());
			return new Refreshed<>(rotation.issue(spend), admitted);
		}
		catch (RuntimeException ex) {
			if (!spend.replayed()) {
				// A replay changed nothing: there is nothing to undo
				rotation.undo(ex);
			}
			throw ex;
		}
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
			.ifPresent((grant) -> this.refreshTokens.revokeFamily(grant.familyId(), WxSessionEndReason.SESSION_ENDED));
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
			.claim(WxClaims.TENANT, subject.tenant())
			.claim(WxClaims.SESSION_ID, grant.sessionId());
		String accessToken = this.encoder.encode(JwtEncoderParameters.from(this.header, claims.build()))
			.getTokenValue();
		return new WxIssuedTokens(subject, now, accessToken, expiresAt, refreshToken, grant.expiresAt(),
				grant.sessionId());
	}

	/**
	 * One rotation of a presented refresh token: the successor's token and expiry are drawn before the
	 * spend (or kept from a rotation of the same token that the store did not answer), so that the store
	 * writes the successor in the same step.
	 */
	private final class Rotation {

		private final String presented;

		private final RefreshTokenId id;

		private final Instant now = WxTokenService.this.clock.instant();

		private final Successor next;

		Rotation(String presented, RefreshTokenId id) {
			this.presented = presented;
			this.id = id;
			Successor kept = WxTokenService.this.unanswered.getIfPresent(id);
			this.next = (kept != null) ? kept : draw(id);
		}

		private Successor draw(RefreshTokenId id) {
			// The successor stays in the family, so that the family's state stays together
			String token = RefreshTokenId.newToken(id.familyId(), WxTokenService.this.random);
			return new Successor(token, RefreshTokenId.ofNewToken(id.familyId(), token),
					this.now.plus(WxTokenService.this.settings.refreshTokenTtl()));
		}

		/**
		 * The spend: the token spent here, or a retry answered with the successor of its earlier spend; refused
		 * with the reason the token does not work, and a token spent before ends its session here.
		 */
		Spend spend() {
			RefreshTokenStore store = WxTokenService.this.refreshTokens;
			Duration reuseInterval = WxTokenService.this.settings.refreshReuseInterval();
			// The store keeps the successor only sealed with the presented token, which it never holds
			String sealed = (!reuseInterval.isZero() && !reuseInterval.isNegative())
					? SuccessorSeal.seal(this.presented, this.next.token(), WxTokenService.this.random) : null;
			RefreshTokenSuccessor successor = new RefreshTokenSuccessor(this.next.id(), this.next.expiresAt(), sealed);
			RefreshTokenRotation rotation;
			try {
				rotation = store.rotate(this.id, successor, reuseInterval);
			}
			catch (RuntimeException ex) {
				WxTokenService.this.unanswered.put(this.id, this.next);
				throw ex;
			}
			WxTokenService.this.unanswered.invalidate(this.id);
			RefreshTokenGrant spent = rotation.spent();
			switch (rotation.outcome()) {
				case ROTATED -> {
					return new Spend(Objects.requireNonNull(spent), this.next.token(), this.next.expiresAt(), false);
				}
				case REPLAYED -> {
					return replay(Objects.requireNonNull(spent), Objects.requireNonNull(rotation.successor()));
				}
				case REFUSED -> {
					throw refused(rotation);
				}
			}
			throw new IllegalStateException("Unknown outcome " + rotation.outcome());
		}

		/** Why the token does not work; a reuse, or a session gone idle, ends the session's access tokens too. */
		private WxRefreshRefusedException refused(RefreshTokenRotation rotation) {
			WxSessionEndReason reason = rotation.refusal();
			if (reason == WxSessionEndReason.IDLE_TIMEOUT && rotation.spent() != null) {
				WxTokenService.this.sessions.idleTimedOut(rotation.spent());
			}
			else if (reason == null || reason == WxSessionEndReason.REUSE_DETECTED) {
				// A token spent before, presented again: someone else may hold it, so its session ends whole
				WxTokenService.this.refreshTokens.findSpent(this.id)
					.ifPresent(WxTokenService.this.sessions::reuseDetected);
			}
			return new WxRefreshRefusedException((reason != null) ? reason : WxSessionEndReason.EXPIRED);
		}

		/**
		 * The successor handed out again, opened with the presented token and checked against the hash the
		 * store keeps; one that does not open or match is not handed out, and the token counts as reused.
		 */
		private Spend replay(RefreshTokenGrant spent, RefreshTokenSuccessor successor) {
			Optional<String> opened = Optional.ofNullable(successor.sealed())
				.flatMap((sealed) -> SuccessorSeal.open(this.presented, sealed))
				.filter((token) -> RefreshTokenId.ofNewToken(spent.familyId(), token).equals(successor.id()));
			if (opened.isEmpty()) {
				WxTokenService.this.refreshTokens.revokeFamily(spent.familyId(), WxSessionEndReason.REUSE_DETECTED);
				WxTokenService.this.sessions.reuseDetected(spent);
				throw new WxRefreshRefusedException(WxSessionEndReason.REUSE_DETECTED);
			}
			return new Spend(spent, opened.get(), successor.expiresAt(), true);
		}

		WxIssuedTokens issue(Spend spend) {
			RefreshTokenGrant successor = new RefreshTokenGrant(spend.spent().familyId(), spend.spent().subject(),
					spend.successorExpiresAt());
			return issued(successor, this.now, spend.successor());
		}

		/** Leave the presented token usable again; a store that does not answer now adds to the failure. */
		void undo(Throwable failure) {
			try {
				WxTokenService.this.refreshTokens.undoRotation(this.id, this.next.id());
			}
			catch (RuntimeException ex) {
				failure.addSuppressed(ex);
			}
		}

	}

	/**
	 * A successor drawn for a rotation.
	 *
	 * @param token the successor token
	 * @param id its id
	 * @param expiresAt when it stops working
	 */
	private record Successor(String token, RefreshTokenId id, Instant expiresAt) {
	}

	/**
	 * What a spend gave: the spent token's grant, and the successor the client is to hold.
	 *
	 * @param spent the spent token's grant
	 * @param successor the successor token
	 * @param successorExpiresAt when the successor stops working
	 * @param replayed whether the successor was handed out before (a retry of a lost reply)
	 */
	private record Spend(RefreshTokenGrant spent, String successor, Instant successorExpiresAt, boolean replayed) {
	}

	/**
	 * The tokens a refresh issued, and what the refresh's check of the grant returned.
	 *
	 * @param <T> what the check returned
	 * @param tokens the new access and refresh tokens
	 * @param admitted what the check returned
	 */
	public record Refreshed<T>(WxIssuedTokens tokens, T admitted) {
	}

}
