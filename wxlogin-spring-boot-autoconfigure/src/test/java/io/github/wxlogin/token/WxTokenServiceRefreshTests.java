package io.github.wxlogin.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.clock.SettableClock;
import io.github.wxlogin.event.WxLoginAuditEvent;
import io.github.wxlogin.event.WxLoginAuditEvent.Action;
import io.github.wxlogin.session.CaffeineTokenRevocationStore;
import io.github.wxlogin.session.RefreshTokenGrant;
import io.github.wxlogin.session.RefreshTokenId;
import io.github.wxlogin.session.RefreshTokenRotation;
import io.github.wxlogin.session.RefreshTokenStore;
import io.github.wxlogin.session.RefreshTokenSuccessor;
import io.github.wxlogin.session.TokenHash;
import io.github.wxlogin.session.TokenStoreUnavailableException;
import io.github.wxlogin.session.WxLoginOrigin;
import io.github.wxlogin.session.WxLoginSession;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.token.WxTokenService.Refreshed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A refresh through {@link WxTokenService} whose check of the grant (the user's account, in a database)
 * or whose issuing fails after the store spent the token: the token stays usable, so that the client's
 * retry succeeds, and reuse is still detected. A subclass for each store.
 */
abstract class WxTokenServiceRefreshTests {

	static final Duration TTL = Duration.ofDays(30);

	private final WxTokenSettings settings = new WxTokenSettings("wxlogin", null, Duration.ofHours(2), TTL,
			Duration.ofSeconds(30));

	private final WxSigningKey key = WxSigningKey.generateEc();

	private final List<WxLoginAuditEvent> events = new ArrayList<>();

	/** Whether the host's claim customizer fails, as a signing that fails would. */
	private final AtomicBoolean issuingFails = new AtomicBoolean();

	SettableClock clock;

	private RefreshTokenStore store;

	private WxLoginSessionService sessions;

	private WxPrincipal alice;

	/**
	 * A new store on the given clock, sharing its state with every other store this test makes.
	 */
	abstract RefreshTokenStore newStore(Clock clock);

	@BeforeEach
	void newClock() {
		this.clock = new SettableClock();
		this.store = newStore(this.clock);
		// a subclass may keep one instance for all its tests
		this.events.clear();
		this.issuingFails.set(false);
		this.alice = new WxPrincipal("alice-" + UUID.randomUUID(), "openid-alice", "wx-app");
	}

	/**
	 * Everything the store holds of a family, as a dump of it would show (in Redis: every field of every key
	 * of the family's hash slot).
	 */
	abstract String dump(String familyId);

	private WxTokenService tokens(RefreshTokenStore store) {
		return tokens(store, this.settings);
	}

	private WxTokenService tokens(RefreshTokenStore store, WxTokenSettings settings) {
		this.sessions = new WxLoginSessionService(store,
				new CaffeineTokenRevocationStore(this.clock, this.settings.clockSkew()), Map.of(),
				this.settings.accessTokenTtl(), this.clock, (event) -> this.events.add((WxLoginAuditEvent) event));
		return new WxTokenService(new NimbusJwtEncoder(new ImmutableJWKSet<>(this.key.jwkSet())), this.key, store,
				this.sessions, settings, this.clock, List.of((subject, claims) -> {
					if (this.issuingFails.get()) {
						throw new IllegalStateException("the signing key is gone");
					}
				}));
	}

	private static <T> T databaseDown(RefreshTokenGrant grant) {
		throw new DataAccessResourceFailureException("the database did not answer");
	}

	@Test
	void aRefreshWhoseCheckFailsAfterTheSpendLeavesTheTokenUsableAndTheSessionAsItWas() {
		WxTokenService tokens = tokens(this.store);
		WxIssuedTokens login = tokens.issue(this.alice);
		List<WxLoginSession> before = this.sessions.sessions(this.alice.userId());
		this.clock.advance(Duration.ofHours(3));
		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> tokens.refresh(login.refreshToken(), WxTokenServiceRefreshTests::databaseDown));
		assertThat(this.sessions.sessions(this.alice.userId())).isEqualTo(before);
		Optional<Refreshed<String>> retried = tokens.refresh(login.refreshToken(), (grant) -> grant.subject().userId());
		assertThat(retried).hasValueSatisfying((refreshed) -> {
			assertThat(refreshed.admitted()).isEqualTo(this.alice.userId());
			assertThat(refreshed.tokens().sessionId()).isEqualTo(login.sessionId());
		});
		assertThat(this.sessions.sessions(this.alice.userId())).singleElement()
			.satisfies((session) -> assertThat(session.lastUsedAt()).isEqualTo(this.clock.instant()));
		assertThat(this.events).isEmpty();
	}

	@Test
	void aRefreshWhoseIssuingFailsAfterTheSpendLeavesTheTokenUsable() {
		WxTokenService tokens = tokens(this.store);
		WxIssuedTokens login = tokens.issue(this.alice);
		this.issuingFails.set(true);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> tokens.refresh(login.refreshToken()));
		this.issuingFails.set(false);
		assertThat(tokens.refresh(login.refreshToken())).isPresent();
	}

	@Test
	void aSpentTokenPresentedAgainEndsItsSessionWithoutBeingChecked() {
		WxTokenService tokens = tokens(this.store);
		WxIssuedTokens login = tokens.issue(this.alice);
		WxIssuedTokens refreshed = tokens.refresh(login.refreshToken()).orElseThrow();
		AtomicInteger checks = new AtomicInteger();
		assertThat(tokens.refresh(login.refreshToken(), (grant) -> {
			checks.incrementAndGet();
			return databaseDown(grant);
		})).isEmpty();
		assertThat(checks).hasValue(0);
		assertThat(this.events).extracting(WxLoginAuditEvent::action).containsExactly(Action.REFRESH_REUSE_DETECTED);
		assertThat(tokens.refresh(refreshed.refreshToken())).isEmpty();
		assertThat(this.sessions.sessions(this.alice.userId())).isEmpty();
	}

	@Test
	void aTokenPutBackAfterAFailedRefreshIsStillSpentOnlyOnce() {
		WxTokenService tokens = tokens(this.store);
		WxIssuedTokens login = tokens.issue(this.alice);
		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> tokens.refresh(login.refreshToken(), WxTokenServiceRefreshTests::databaseDown));
		WxIssuedTokens refreshed = tokens.refresh(login.refreshToken()).orElseThrow();
		assertThat(tokens.refresh(login.refreshToken())).as("presented again: a reuse").isEmpty();
		assertThat(tokens.refresh(refreshed.refreshToken())).as("its session ended").isEmpty();
	}

	@Test
	void withAStoreThatCannotUndoARotationTheCheckComesBeforeTheSpend() {
		CountingStore cannotUndo = new CountingStore(this.store, false);
		WxTokenService tokens = tokens(cannotUndo);
		WxIssuedTokens login = tokens.issue(this.alice);
		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> tokens.refresh(login.refreshToken(), WxTokenServiceRefreshTests::databaseDown));
		assertThat(cannotUndo.rotations).hasValue(0);
		assertThat(tokens.refresh(login.refreshToken())).isPresent();
		assertThat(cannotUndo.rotations).hasValue(1);
		assertThat(tokens.refresh(login.refreshToken())).as("presented again: a reuse").isEmpty();
		assertThat(this.events).extracting(WxLoginAuditEvent::action).containsExactly(Action.REFRESH_REUSE_DETECTED);
	}

	@Test
	void aStoreThatFailsToUndoTheRotationAddsItsFailureToTheCheck() {
		CountingStore failingUndo = new CountingStore(this.store, true) {
			@Override
			public boolean undoRotation(RefreshTokenId id, RefreshTokenId nextId) {
				throw new DataAccessResourceFailureException("the store did not answer either");
			}
		};
		WxTokenService tokens = tokens(failingUndo);
		WxIssuedTokens login = tokens.issue(this.alice);
		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> tokens.refresh(login.refreshToken(), WxTokenServiceRefreshTests::databaseDown))
			.withMessage("the database did not answer")
			.satisfies((ex) -> assertThat(ex.getSuppressed()).singleElement()
				.satisfies((suppressed) -> assertThat(suppressed).hasMessage("the store did not answer either")));
	}

	private WxTokenService withReuseInterval(RefreshTokenStore store) {
		return tokens(store, new WxTokenSettings("wxlogin", null, Duration.ofHours(2), TTL, Duration.ofSeconds(30),
				REUSE_INTERVAL));
	}

	static final Duration REUSE_INTERVAL = Duration.ofSeconds(10);

	@Test
	void aRetryWithinTheReuseIntervalGetsTheSameSuccessorAndAFreshAccessTokenOfTheSameSession() {
		WxTokenService tokens = withReuseInterval(this.store);
		WxIssuedTokens login = tokens.issue(this.alice);
		WxIssuedTokens lost = tokens.refresh(login.refreshToken()).orElseThrow();
		this.clock.advance(REUSE_INTERVAL.minusSeconds(1));
		WxIssuedTokens retried = tokens.refresh(login.refreshToken()).orElseThrow();
		assertThat(retried.refreshToken()).isEqualTo(lost.refreshToken());
		assertThat(retried.refreshTokenExpiresAt()).isEqualTo(lost.refreshTokenExpiresAt());
		assertThat(retried.accessToken()).isNotEqualTo(lost.accessToken());
		assertThat(retried.sessionId()).isEqualTo(login.sessionId());
		assertThat(this.events).isEmpty();
		// the successor goes on, and now the spent token is a reuse
		WxIssuedTokens next = tokens.refresh(retried.refreshToken()).orElseThrow();
		assertThat(tokens.refresh(login.refreshToken())).isEmpty();
		assertThat(this.events).extracting(WxLoginAuditEvent::action).containsExactly(Action.REFRESH_REUSE_DETECTED);
		assertThat(tokens.refresh(next.refreshToken())).isEmpty();
	}

	@Test
	void aRetryAfterTheReuseIntervalRevokesTheFamily() {
		WxTokenService tokens = withReuseInterval(this.store);
		WxIssuedTokens login = tokens.issue(this.alice);
		WxIssuedTokens lost = tokens.refresh(login.refreshToken()).orElseThrow();
		this.clock.advance(REUSE_INTERVAL);
		assertThat(tokens.refresh(login.refreshToken())).isEmpty();
		assertThat(this.events).extracting(WxLoginAuditEvent::action).containsExactly(Action.REFRESH_REUSE_DETECTED);
		assertThat(tokens.refresh(lost.refreshToken())).isEmpty();
		assertThat(this.sessions.sessions(this.alice.userId())).isEmpty();
	}

	@Test
	void aRetryWithinTheReuseIntervalIsCheckedAndARefusedCheckChangesNothing() {
		WxTokenService tokens = withReuseInterval(this.store);
		WxIssuedTokens login = tokens.issue(this.alice);
		WxIssuedTokens lost = tokens.refresh(login.refreshToken()).orElseThrow();
		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> tokens.refresh(login.refreshToken(), WxTokenServiceRefreshTests::databaseDown));
		assertThat(tokens.refresh(login.refreshToken()).orElseThrow().refreshToken()).isEqualTo(lost.refreshToken());
		assertThat(tokens.refresh(lost.refreshToken())).isPresent();
	}

	@Test
	void aSpendWhoseUndoFailedIsAnsweredWithItsSuccessorWhenTheClientRetriesWithinTheInterval() {
		// The database and the store both down after the spend: the successor was never handed out
		CountingStore failingUndo = new CountingStore(this.store, true) {
			@Override
			public boolean undoRotation(RefreshTokenId id, RefreshTokenId nextId) {
				throw new DataAccessResourceFailureException("the store did not answer either");
			}
		};
		WxTokenService tokens = withReuseInterval(failingUndo);
		WxIssuedTokens login = tokens.issue(this.alice);
		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> tokens.refresh(login.refreshToken(), WxTokenServiceRefreshTests::databaseDown));
		this.clock.advance(Duration.ofSeconds(5));
		WxIssuedTokens retried = tokens.refresh(login.refreshToken()).orElseThrow();
		assertThat(retried.sessionId()).isEqualTo(login.sessionId());
		assertThat(tokens.refresh(retried.refreshToken())).isPresent();
		assertThat(this.events).isEmpty();
	}

	@Test
	void aRotationWhoseAnswerWasLostIsSentAgainWhenTheClientRetriesAfterTheReuseInterval() {
		// The store spent the token, then its answer was lost with the connection (a store that stopped)
		AtomicBoolean answerLost = new AtomicBoolean(true);
		CountingStore losingAnswer = new CountingStore(this.store, true) {
			@Override
			public RefreshTokenRotation rotate(RefreshTokenId id, RefreshTokenSuccessor next, Duration reuseInterval) {
				RefreshTokenRotation rotation = super.rotate(id, next, reuseInterval);
				if (answerLost.getAndSet(false)) {
					throw new TokenStoreUnavailableException(new IllegalStateException("connection closed"));
				}
				return rotation;
			}
		};
		WxTokenService tokens = withReuseInterval(losingAnswer);
		WxIssuedTokens login = tokens.issue(this.alice);
		assertThatExceptionOfType(TokenStoreUnavailableException.class)
			.isThrownBy(() -> tokens.refresh(login.refreshToken()));
		this.clock.advance(REUSE_INTERVAL.multipliedBy(6));
		WxIssuedTokens retried = tokens.refresh(login.refreshToken()).orElseThrow();
		assertThat(retried.sessionId()).isEqualTo(login.sessionId());
		assertThat(this.events).isEmpty();
		// the successor goes on, and now the spent token is a reuse
		assertThat(tokens.refresh(retried.refreshToken())).isPresent();
		assertThat(tokens.refresh(login.refreshToken())).isEmpty();
		assertThat(this.events).extracting(WxLoginAuditEvent::action).containsExactly(Action.REFRESH_REUSE_DETECTED);
	}

	@Test
	void theStoreHoldsNeitherTheSpentTokenNorItsSuccessor() {
		WxTokenService tokens = withReuseInterval(this.store);
		WxIssuedTokens login = tokens.issue(this.alice);
		WxIssuedTokens refreshed = tokens.refresh(login.refreshToken()).orElseThrow();
		String familyId = RefreshTokenId.of(login.refreshToken()).orElseThrow().familyId();
		String dump = dump(familyId);
		assertThat(dump).as("the dump reads the family").contains(TokenHash.of(refreshed.refreshToken()));
		for (String token : List.of(login.refreshToken(), refreshed.refreshToken())) {
			String secret = token.substring(token.indexOf('.') + 1);
			assertThat(dump).doesNotContain(token).doesNotContain(secret);
		}
	}

	/** A store that counts its rotations, and tells whether it can undo them as it is told to. */
	private static class CountingStore implements RefreshTokenStore {

		final AtomicInteger rotations = new AtomicInteger();

		private final RefreshTokenStore store;

		private final boolean canUndo;

		CountingStore(RefreshTokenStore store, boolean canUndo) {
			this.store = store;
			this.canUndo = canUndo;
		}

		@Override
		public void save(RefreshTokenId id, RefreshTokenGrant grant, WxLoginOrigin origin) {
			this.store.save(id, grant, origin);
		}

		@Override
		public Optional<RefreshTokenGrant> rotate(RefreshTokenId id, RefreshTokenId nextId, Instant nextExpiresAt) {
			this.rotations.incrementAndGet();
			return this.store.rotate(id, nextId, nextExpiresAt);
		}

		@Override
		public RefreshTokenRotation rotate(RefreshTokenId id, RefreshTokenSuccessor next, Duration reuseInterval) {
			this.rotations.incrementAndGet();
			return this.store.rotate(id, next, reuseInterval);
		}

		@Override
		public boolean canUndoRotation() {
			return this.canUndo;
		}

		@Override
		public boolean undoRotation(RefreshTokenId id, RefreshTokenId nextId) {
			return this.canUndo && this.store.undoRotation(id, nextId);
		}

		@Override
		public Optional<RefreshTokenGrant> find(RefreshTokenId id) {
			return this.store.find(id);
		}

		@Override
		public Optional<RefreshTokenGrant> findSpent(RefreshTokenId id) {
			return this.store.findSpent(id);
		}

		@Override
		public void revokeFamily(String familyId) {
			this.store.revokeFamily(familyId);
		}

		@Override
		public List<WxLoginSession> sessions(String accountId) {
			return this.store.sessions(accountId);
		}

		@Override
		public Optional<WxLoginSession> endSession(String accountId, String sessionId) {
			return this.store.endSession(accountId, sessionId);
		}

		@Override
		public List<WxLoginSession> endSessions(String accountId) {
			return this.store.endSessions(accountId);
		}

	}

}
