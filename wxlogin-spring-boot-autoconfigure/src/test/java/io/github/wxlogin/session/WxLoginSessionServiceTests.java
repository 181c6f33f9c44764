package io.github.wxlogin.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.clock.SettableClock;
import io.github.wxlogin.token.CachingJwtDecoder;
import io.github.wxlogin.token.WxClaims;
import io.github.wxlogin.token.WxIssuedTokens;
import io.github.wxlogin.token.WxJwtDecoders;
import io.github.wxlogin.token.WxSigningKey;
import io.github.wxlogin.token.WxTokenService;
import io.github.wxlogin.token.WxTokenSettings;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The host's view of sessions: ending one, or all, refuses their refresh tokens and their access tokens,
 * and a mini program's limit keeps only an account's newest sessions.
 */
class WxLoginSessionServiceTests {

	private static final String APP = "wx-app";

	private static final String OTHER_APP = "wx-other-app";

	private static final WxPrincipal ALICE = new WxPrincipal("alice", "openid-alice", APP);

	private static final WxPrincipal BOB = new WxPrincipal("bob", "openid-bob", APP);

	private final SettableClock clock = new SettableClock();

	private final WxTokenSettings settings = new WxTokenSettings("wxlogin", null, Duration.ofHours(2),
			Duration.ofDays(30), Duration.ofSeconds(30));

	private final WxSigningKey key = WxSigningKey.generateEc();

	private final CaffeineRefreshTokenStore refreshTokens = new CaffeineRefreshTokenStore(this.clock,
			this.settings.refreshTokenTtl());

	private final CaffeineTokenRevocationStore revocations = new CaffeineTokenRevocationStore(this.clock,
			this.settings.clockSkew());

	private final JwtDecoder decoder = new CachingJwtDecoder(
			WxJwtDecoders.create(this.key, this.settings, List.of(APP, OTHER_APP), this.clock), this.revocations,
			this.clock, this.settings.clockSkew(), 100);

	private WxLoginSessionService sessions = service(Map.of());

	private WxTokenService tokens = tokens(this.sessions);

	private WxLoginSessionService service(Map<String, Integer> limits) {
		return new WxLoginSessionService(this.refreshTokens, this.revocations, limits, this.settings.accessTokenTtl(),
				this.clock);
	}

	private WxTokenService tokens(WxLoginSessionService sessions) {
		return new WxTokenService(new NimbusJwtEncoder(new ImmutableJWKSet<>(this.key.jwkSet())), this.key,
				this.refreshTokens, sessions, this.settings, this.clock, List.of());
	}

	private void limit(Map<String, Integer> limits) {
		this.sessions = service(limits);
		this.tokens = tokens(this.sessions);
	}

	/** A login, whose access token is then used once, so that the decoder serves it from its cache. */
	private WxIssuedTokens login(WxPrincipal user) {
		WxIssuedTokens issued = this.tokens.issue(user, WxLoginOrigin.of("203.0.113.7", "curl/8.5.0", null));
		this.clock.advance(Duration.ofSeconds(1));
		assertAccepted(issued);
		return issued;
	}

	private String sessionOf(WxIssuedTokens issued) {
		return this.decoder.decode(issued.accessToken()).getClaimAsString(WxClaims.SESSION_ID);
	}

	private void assertAccepted(WxIssuedTokens issued) {
		assertThat(this.decoder.decode(issued.accessToken()).getSubject()).isEqualTo(issued.subject().userId());
	}

	private void assertEnded(WxIssuedTokens issued) {
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.decoder.decode(issued.accessToken()));
		assertThat(this.tokens.refresh(issued.refreshToken())).isEmpty();
	}

	@Test
	void accessTokenNamesItsSessionAsListed() {
		WxIssuedTokens login = login(ALICE);
		assertThat(this.sessions.sessions("alice")).singleElement()
			.satisfies((session) -> assertThat(session.id()).isEqualTo(sessionOf(login)));
	}

	@Test
	void refreshedTokensStayInTheirSession() {
		WxIssuedTokens login = login(ALICE);
		WxIssuedTokens refreshed = this.tokens.refresh(login.refreshToken()).orElseThrow();
		assertThat(sessionOf(refreshed)).isEqualTo(sessionOf(login));
		this.sessions.endSession("alice", sessionOf(login));
		assertEnded(refreshed);
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.decoder.decode(login.accessToken()));
	}

	@Test
	void endingOneSessionRefusesItsTokensAndLeavesTheOther() {
		WxIssuedTokens phone = login(ALICE);
		WxIssuedTokens tablet = login(ALICE);
		assertThat(this.sessions.endSession("alice", sessionOf(phone))).isPresent();
		assertEnded(phone);
		assertAccepted(tablet);
		assertThat(this.tokens.refresh(tablet.refreshToken())).isPresent();
	}

	@Test
	void endingAllSessionsRefusesEveryTokenOfTheAccountOnly() {
		WxIssuedTokens phone = login(ALICE);
		WxIssuedTokens tablet = login(ALICE);
		WxIssuedTokens bob = login(BOB);
		assertThat(this.sessions.endSessions("alice")).hasSize(2);
		assertEnded(phone);
		assertEnded(tablet);
		assertThat(this.sessions.sessions("alice")).isEmpty();
		assertAccepted(bob);
		assertThat(this.sessions.sessions("bob")).hasSize(1);
	}

	@Test
	void anotherAccountsSessionIdEndsNothing() {
		WxIssuedTokens bob = login(BOB);
		login(ALICE);
		assertThat(this.sessions.endSession("alice", sessionOf(bob))).isEmpty();
		assertAccepted(bob);
		assertThat(this.tokens.refresh(bob.refreshToken())).isPresent();
	}

	@Test
	void endingTheSessionsOfOneMiniProgramLeavesTheOthers() {
		WxIssuedTokens here = login(ALICE);
		WxIssuedTokens elsewhere = login(new WxPrincipal(ALICE.userId(), "openid-alice-other", OTHER_APP));
		assertThat(this.sessions.endSessions(ALICE.userId(), APP)).extracting(WxLoginSession::id)
			.containsExactly(here.sessionId());
		assertEnded(here);
		assertAccepted(elsewhere);
	}

	@Test
	void aRefreshTokenPresentedAgainEndsItsSessionsAccessTokens() {
		WxIssuedTokens login = login(ALICE);
		WxIssuedTokens refreshed = this.tokens.refresh(login.refreshToken()).orElseThrow();
		assertAccepted(refreshed);
		assertThat(this.tokens.refresh(login.refreshToken())).isEmpty();
		assertEnded(refreshed);
	}

	@Test
	void withoutALimitEveryLoginKeepsItsSession() {
		login(ALICE);
		login(ALICE);
		login(ALICE);
		assertThat(this.sessions.sessions("alice")).hasSize(3);
		assertThat(this.sessions.maxSessionsPerAccount(APP)).isEmpty();
	}

	@Test
	void limitOfOneLetsANewLoginEndTheOlderSessionInThatMiniProgram() {
		limit(Map.of(APP, 1));
		WxIssuedTokens otherApp = login(new WxPrincipal("alice", "openid-alice-2", OTHER_APP));
		WxIssuedTokens first = login(ALICE);
		WxIssuedTokens second = login(ALICE);
		assertEnded(first);
		assertAccepted(second);
		assertAccepted(otherApp);
		assertThat(this.sessions.sessions("alice")).extracting(WxLoginSession::id)
			.containsExactly(sessionOf(second), sessionOf(otherApp));
	}

	@Test
	void limitOfTwoKeepsTheTwoNewest() {
		limit(Map.of(APP, 2));
		WxIssuedTokens first = login(ALICE);
		WxIssuedTokens second = login(ALICE);
		WxIssuedTokens third = login(ALICE);
		assertEnded(first);
		assertAccepted(second);
		assertAccepted(third);
	}

	@Test
	void limitBelowOneIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> service(Map.of(APP, 0)));
	}

}
