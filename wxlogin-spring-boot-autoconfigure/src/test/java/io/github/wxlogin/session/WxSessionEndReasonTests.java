package io.github.wxlogin.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.clock.SettableClock;
import io.github.wxlogin.event.WxLoginAuditEvent;
import io.github.wxlogin.event.WxLoginAuditEvent.Action;
import io.github.wxlogin.token.CachingJwtDecoder;
import io.github.wxlogin.token.WxIssuedTokens;
import io.github.wxlogin.token.WxJwtDecoders;
import io.github.wxlogin.token.WxRefreshRefusedException;
import io.github.wxlogin.token.WxSigningKey;
import io.github.wxlogin.token.WxTokenRefusedException;
import io.github.wxlogin.token.WxTokenService;
import io.github.wxlogin.token.WxTokenSettings;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Why a token stopped working, as every refusal of its access token and of its refresh token tells: the
 * reason its session ended with, its expiry, or the idle timeout.
 */
class WxSessionEndReasonTests {

	private static final String APP = "wx-app";

	private static final WxPrincipal ALICE = new WxPrincipal("alice", "openid-alice", APP);

	private static final Duration IDLE_TIMEOUT = Duration.ofHours(6);

	private final SettableClock clock = new SettableClock();

	private final WxTokenSettings settings = new WxTokenSettings("wxlogin", null, Duration.ofHours(2),
			Duration.ofDays(30), Duration.ofSeconds(30));

	private final WxSigningKey key = WxSigningKey.generateEc();

	private final CaffeineRefreshTokenStore refreshTokens = new CaffeineRefreshTokenStore(this.clock,
			this.settings.refreshTokenTtl(), IDLE_TIMEOUT);

	private final CaffeineTokenRevocationStore revocations = new CaffeineTokenRevocationStore(this.clock,
			this.settings.clockSkew());

	private final List<Object> events = new ArrayList<>();

	private WxLoginSessionService sessions = service(Map.of());

	private WxTokenService tokens = tokens(this.sessions);

	private WxLoginSessionService service(Map<String, Integer> limits) {
		return new WxLoginSessionService(this.refreshTokens, this.revocations, limits, null,
				this.settings.accessTokenTtl(), IDLE_TIMEOUT, this.clock, this.events::add);
	}

	private WxTokenService tokens(WxLoginSessionService sessions) {
		return new WxTokenService(new NimbusJwtEncoder(new ImmutableJWKSet<>(this.key.jwkSet())), this.key,
				this.refreshTokens, sessions, this.settings, this.clock, List.of());
	}

	/** A decoder of an instance of its own, which has verified no token yet. */
	private JwtDecoder decoder() {
		return new CachingJwtDecoder(WxJwtDecoders.create(this.key, this.settings, List.of(APP), this.clock),
				this.revocations, this.clock, this.settings.clockSkew(), 100);
	}

	private final JwtDecoder cachingDecoder = decoder();

	/** A login, whose access token is then used once, so that one decoder serves it from its cache. */
	private WxIssuedTokens login() {
		WxIssuedTokens issued = this.tokens.issue(ALICE, WxLoginOrigin.UNKNOWN);
		this.cachingDecoder.decode(issued.accessToken());
		return issued;
	}

	private void assertAccessTokenRefusedFor(WxIssuedTokens issued, WxSessionEndReason reason) {
		for (JwtDecoder decoder : List.of(this.cachingDecoder, decoder())) {
			assertThatExceptionOfType(WxTokenRefusedException.class)
				.isThrownBy(() -> decoder.decode(issued.accessToken()))
				.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(reason));
		}
	}

	private void assertRefreshRefusedFor(WxIssuedTokens issued, WxSessionEndReason reason) {
		assertThatExceptionOfType(WxRefreshRefusedException.class)
			.isThrownBy(() -> this.tokens.refreshOrRefuse(issued.refreshToken(), (grant) -> grant))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(reason));
	}

	private void assertEndedFor(WxIssuedTokens issued, WxSessionEndReason reason) {
		assertAccessTokenRefusedFor(issued, reason);
		assertRefreshRefusedFor(issued, reason);
	}

	@Test
	void endingEverySessionOfAnAccountForAReasonRefusesAllItsTokensWithIt() {
		WxIssuedTokens phone = login();
		WxIssuedTokens tablet = login();
		assertThat(this.sessions.endSessions("alice", WxSessionEndReason.ACCOUNT_DELETED)).hasSize(2);
		assertEndedFor(phone, WxSessionEndReason.ACCOUNT_DELETED);
		assertEndedFor(tablet, WxSessionEndReason.ACCOUNT_DELETED);
	}

	@Test
	void theHostEndingASessionRevokesIt() {
		WxIssuedTokens login = login();
		assertThat(this.sessions.endSession("alice", login.sessionId())).isPresent();
		assertEndedFor(login, WxSessionEndReason.SESSION_REVOKED);
	}

	@Test
	void aNewerLoginBeyondTheLimitReplacesTheOlderSession() {
		this.sessions = service(Map.of(APP, 1));
		this.tokens = tokens(this.sessions);
		WxIssuedTokens older = login();
		this.clock.advance(Duration.ofSeconds(1));
		login();
		assertEndedFor(older, WxSessionEndReason.SESSION_REPLACED);
	}

	@Test
	void anAccessTokenPastItsExpiryIsRefusedAsExpiredAndOneNeverValidIsNot() {
		WxIssuedTokens login = login();
		this.clock.advance(this.settings.accessTokenTtl().plus(this.settings.clockSkew()).plusSeconds(1));
		assertAccessTokenRefusedFor(login, WxSessionEndReason.EXPIRED);
		String forged = login.accessToken().substring(0, login.accessToken().lastIndexOf('.') + 1) + "AAAA";
		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> decoder().decode(forged))
			.isNotInstanceOf(WxTokenRefusedException.class);
	}

	@Test
	void aSpentRefreshTokenPresentedAgainEndsItsSessionAsReuse() {
		WxIssuedTokens login = login();
		WxIssuedTokens refreshed = this.tokens.refresh(login.refreshToken()).orElseThrow();
		assertRefreshRefusedFor(login, WxSessionEndReason.REUSE_DETECTED);
		assertEndedFor(refreshed, WxSessionEndReason.REUSE_DETECTED);
	}

	@Test
	void aSessionUnusedForTheIdleTimeoutIsHiddenAndItsRefreshRefusedAsIdle() {
		WxIssuedTokens login = login();
		assertThat(this.sessions.sessions("alice")).singleElement()
			.satisfies((session) -> assertThat(this.sessions.idleExpiresAt(session))
				.contains(session.lastUsedAt().plus(IDLE_TIMEOUT)));
		this.clock.advance(IDLE_TIMEOUT);
		assertThat(this.sessions.sessions("alice")).isEmpty();
		assertRefreshRefusedFor(login, WxSessionEndReason.IDLE_TIMEOUT);
		assertThat(this.events).contains(new WxLoginAuditEvent(Action.SESSION_ENDED, WxLoginAuditEvent.SUCCESS,
				"alice", APP, null, null, login.sessionId(), "idle_timeout"));
	}

	@Test
	void aGuardedRequestSeenWithinTheIdleTimeoutKeepsTheSessionWithOneTouchAMinute() {
		WxIssuedTokens login = login();
		WxSessionActivity activity = new WxSessionActivity(this.refreshTokens, IDLE_TIMEOUT, this.clock);
		this.clock.advance(Duration.ofHours(5));
		activity.seen("alice", login.sessionId());
		Instant touched = this.clock.instant();
		this.clock.advance(Duration.ofSeconds(59));
		activity.seen("alice", login.sessionId());
		assertThat(this.sessions.sessions("alice")).singleElement()
			.satisfies((session) -> assertThat(session.lastUsedAt()).isEqualTo(touched));
		this.clock.advance(Duration.ofHours(5));
		assertThat(this.tokens.refresh(login.refreshToken())).isPresent();
	}

	@Test
	void everySessionEndedIsPublishedWithItsReason() {
		WxIssuedTokens login = login();
		this.sessions.endSessions("alice", WxSessionEndReason.ACCOUNT_MERGED);
		assertThat(this.events).contains(new WxLoginAuditEvent(Action.SESSION_ENDED, WxLoginAuditEvent.SUCCESS,
				"alice", APP, null, null, login.sessionId(), "account_merged"));
	}

	@Test
	void aRevocationOfAnotherKindIsNotAnExpiry() {
		WxIssuedTokens login = login();
		this.sessions.revokeAccessToken(this.cachingDecoder.decode(login.accessToken()).getId(),
				login.accessTokenExpiresAt());
		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> this.cachingDecoder.decode(login.accessToken()))
			.isInstanceOfSatisfying(WxTokenRefusedException.class,
					(refused) -> assertThat(refused.reason()).isEqualTo(WxSessionEndReason.SESSION_ENDED));
	}

}
