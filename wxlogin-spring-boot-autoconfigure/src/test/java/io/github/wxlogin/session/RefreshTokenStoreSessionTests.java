package io.github.wxlogin.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.clock.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sessions of a refresh-token store: each family is a session of its account, listed, ended one by
 * one or all together, kept to the newest few, and never seen through another account. A subclass for
 * each store.
 */
abstract class RefreshTokenStoreSessionTests {

	static final Duration TTL = Duration.ofDays(30);

	static final String APP = "wx-app";


	private static final WxLoginOrigin PHONE = WxLoginOrigin.of("203.0.113.7",
			"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 MicroMessenger/8.0.47.2560 MiniProgramEnv/android",
			WxLoginDevice.of("Pixel 8", "android", "Android 14"));

	private static final WxLoginOrigin TABLET = WxLoginOrigin.of("2001:db8::1", null, null);

	/** Stands at an instant far from today, so that a store reading the real clock fails these tests. */
	SettableClock clock;

	RefreshTokenStore store;

	/** Accounts of this test alone, since a shared store outlives one test. */
	WxPrincipal alice;

	WxPrincipal bob;

	/**
	 * A new store on the given clock, sharing its state with every other store this test makes (in Redis:
	 * the same server and key prefix).
	 */
	abstract RefreshTokenStore newStore(Clock clock);

	/**
	 * A new store on the given clock whose sessions end when unused for the idle timeout; in Redis sharing
	 * its state with the others, in memory a store of its own.
	 */
	abstract RefreshTokenStore newStore(Clock clock, Duration idleTimeout);

	@BeforeEach
	void newClock() {
		this.clock = new SettableClock();
		this.store = newStore(this.clock);
		String test = UUID.randomUUID().toString();
		this.alice = new WxPrincipal("alice-" + test, "openid-alice", APP);
		this.bob = new WxPrincipal("bob-" + test, "openid-bob", APP);
	}

	/** A login of the user: the first token of a new family, saved. */
	Login login(WxPrincipal user, WxLoginOrigin origin, Duration life) {
		String familyId = UUID.randomUUID().toString();
		// Redis keeps times in milliseconds
		RefreshTokenGrant grant = new RefreshTokenGrant(familyId, user,
				this.clock.instant().plus(life).truncatedTo(ChronoUnit.MILLIS));
		RefreshTokenId id = new RefreshTokenId(familyId, UUID.randomUUID().toString());
		this.store.save(id, grant, origin);
		return new Login(id, grant);
	}

	Login login(WxPrincipal user) {
		return login(user, PHONE, TTL);
	}

	Optional<RefreshTokenGrant> refresh(Login login) {
		return this.store.rotate(login.id(), nextId(login), nextExpiry());
	}

	static RefreshTokenId nextId(Login login) {
		return new RefreshTokenId(login.id().familyId(), UUID.randomUUID().toString());
	}

	/** A successor's expiry, one lifetime from now; Redis keeps times in milliseconds. */
	Instant nextExpiry() {
		return this.clock.instant().plus(TTL).truncatedTo(ChronoUnit.MILLIS);
	}

	@Test
	void aRotationSpendsTheTokenForASuccessorOfTheSameGrantUntilTheExpiryGiven() {
		Login login = login(this.alice);
		RefreshTokenId next = nextId(login);
		this.clock.advance(Duration.ofDays(1));
		Instant nextExpiresAt = nextExpiry();
		assertThat(this.store.rotate(login.id(), next, nextExpiresAt)).contains(login.grant());
		assertThat(this.store.find(login.id())).isEmpty();
		assertThat(this.store.find(next))
			.contains(new RefreshTokenGrant(login.id().familyId(), this.alice, nextExpiresAt));
	}

	@Test
	void anExpiredTokenOrARevokedFamilyIsRefusedWithoutBeingSpent() {
		Login expired = login(this.alice, PHONE, Duration.ofMinutes(10));
		Login revoked = login(this.alice);
		this.store.revokeFamily(revoked.id().familyId());
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(refresh(expired)).isEmpty();
		assertThat(refresh(revoked)).isEmpty();
		// so that presenting them again is not taken for a reuse
		assertThat(this.store.findSpent(expired.id())).isEmpty();
		assertThat(this.store.findSpent(revoked.id())).isEmpty();
	}

	@Test
	void anUndoneRotationLeavesTheTokenUsableTheSuccessorGoneAndTheSessionAsItWas() {
		assertThat(this.store.canUndoRotation()).isTrue();
		Login login = login(this.alice);
		WxLoginSession before = this.store.sessions(this.alice.userId()).get(0);
		this.clock.advance(Duration.ofDays(2));
		RefreshTokenId next = nextId(login);
		assertThat(this.store.rotate(login.id(), next, nextExpiry())).isPresent();
		assertThat(this.store.undoRotation(login.id(), next)).isTrue();
		assertThat(this.store.find(login.id())).contains(login.grant());
		assertThat(this.store.findSpent(login.id())).isEmpty();
		assertThat(this.store.find(next)).isEmpty();
		assertThat(this.store.findSpent(next)).isEmpty();
		assertThat(this.store.sessions(this.alice.userId())).containsExactly(before);
		// the token rotates again as if it had never been spent
		assertThat(refresh(login)).contains(login.grant());
		assertThat(this.store.sessions(this.alice.userId())).singleElement()
			.satisfies((session) -> assertThat(session.lastUsedAt()).isEqualTo(this.clock.instant()));
	}

	@Test
	void aRotationIsUndoneOnceAndOnlyWithTheSuccessorItStored() {
		Login login = login(this.alice);
		RefreshTokenId next = nextId(login);
		this.store.rotate(login.id(), next, nextExpiry());
		assertThat(this.store.undoRotation(login.id(), nextId(login))).isFalse();
		assertThat(this.store.find(next)).isPresent();
		assertThat(this.store.undoRotation(login.id(), next)).isTrue();
		assertThat(this.store.undoRotation(login.id(), next)).isFalse();
		RefreshTokenId later = nextId(login);
		assertThat(this.store.rotate(login.id(), later, nextExpiry())).isPresent();
		// an undo of the first rotation that arrives late leaves the second alone
		assertThat(this.store.undoRotation(login.id(), next)).isFalse();
		assertThat(this.store.find(later)).isPresent();
		assertThat(this.store.findSpent(login.id())).contains(login.grant());
	}

	@Test
	void aReuseDetectedBeforeTheUndoStands() {
		Login login = login(this.alice);
		RefreshTokenId next = nextId(login);
		this.store.rotate(login.id(), next, nextExpiry());
		assertThat(refresh(login)).as("the token presented again meanwhile").isEmpty();
		assertThat(this.store.undoRotation(login.id(), next)).isFalse();
		assertThat(this.store.find(login.id())).isEmpty();
		assertThat(this.store.find(next)).isEmpty();
		assertThat(this.store.sessions(this.alice.userId())).isEmpty();
	}

	@Test
	void aRotationWhoseSuccessorWasSpentIsNotUndone() {
		Login login = login(this.alice);
		RefreshTokenId next = nextId(login);
		this.store.rotate(login.id(), next, nextExpiry());
		assertThat(this.store.rotate(next, nextId(login), nextExpiry())).isPresent();
		assertThat(this.store.undoRotation(login.id(), next)).isFalse();
		assertThat(this.store.find(login.id())).isEmpty();
		assertThat(this.store.findSpent(login.id())).isPresent();
	}

	@Test
	void aSpentTokenIsFoundAsSpentSoThatItsReuseIsToldApartFromAnUnknownToken() {
		Login login = login(this.alice);
		assertThat(this.store.findSpent(login.id())).isEmpty();
		assertThat(refresh(login)).isPresent();
		assertThat(this.store.findSpent(login.id())).contains(login.grant());
		assertThat(refresh(login)).isEmpty();
		assertThat(this.store.findSpent(login.id())).contains(login.grant());
		assertThat(this.store.findSpent(new RefreshTokenId(login.id().familyId(), "never-issued"))).isEmpty();
	}

	static final Duration REUSE_INTERVAL = Duration.ofSeconds(10);

	@Test
	void aGrantKeepsItsTenantThroughRotationsAndReplays() {
		WxPrincipal merchant = new WxPrincipal(this.alice.userId(), this.alice.openid(), APP, "merchant-1");
		Login login = login(merchant);
		assertThat(this.store.find(login.id())).map(RefreshTokenGrant::subject).contains(merchant);
		RefreshTokenId next = nextId(login);
		assertThat(rotate(login.id(), next, "sealed-successor").spent()).isEqualTo(login.grant());
		RefreshTokenRotation replayed = rotate(login.id(), nextId(login), "sealed-other");
		assertThat(replayed.outcome()).isEqualTo(RefreshTokenRotation.Outcome.REPLAYED);
		assertThat(replayed.spent()).isEqualTo(login.grant());
		assertThat(this.store.find(next)).map(RefreshTokenGrant::subject).contains(merchant);
		assertThat(this.store.rotate(next, nextId(login), nextExpiry())).map(RefreshTokenGrant::subject)
			.contains(merchant);
	}

	RefreshTokenRotation rotate(RefreshTokenId id, RefreshTokenId nextId, String sealed) {
		return this.store.rotate(id, new RefreshTokenSuccessor(nextId, nextExpiry(), sealed), REUSE_INTERVAL);
	}

	@Test
	void aSpentTokenPresentedAgainWithinTheReuseIntervalIsAnsweredWithTheSameSuccessorAndRevokesNothing() {
		Login login = login(this.alice);
		RefreshTokenId next = nextId(login);
		Instant nextExpiresAt = nextExpiry();
		assertThat(rotate(login.id(), next, "sealed-successor").outcome()).isEqualTo(RefreshTokenRotation.Outcome.ROTATED);
		this.clock.advance(REUSE_INTERVAL.minusMillis(1));
		RefreshTokenId other = nextId(login);
		RefreshTokenRotation replayed = rotate(login.id(), other, "sealed-other");
		assertThat(replayed.outcome()).isEqualTo(RefreshTokenRotation.Outcome.REPLAYED);
		assertThat(replayed.spent()).isEqualTo(login.grant());
		assertThat(replayed.successor()).isEqualTo(new RefreshTokenSuccessor(next, nextExpiresAt, "sealed-successor"));
		assertThat(this.store.find(other)).as("no second live branch").isEmpty();
		assertThat(this.store.find(next)).isPresent();
		assertThat(this.store.sessions(this.alice.userId())).hasSize(1);
		// the successor goes on as usual
		assertThat(this.store.rotate(next, nextId(login), nextExpiry())).isPresent();
	}

	@Test
	void aSpentTokenPresentedAgainAfterTheReuseIntervalRevokesItsFamily() {
		Login login = login(this.alice);
		RefreshTokenId next = nextId(login);
		rotate(login.id(), next, "sealed-successor");
		this.clock.advance(REUSE_INTERVAL);
		assertThat(rotate(login.id(), nextId(login), "sealed-other").outcome())
			.isEqualTo(RefreshTokenRotation.Outcome.REFUSED);
		assertThat(this.store.find(next)).isEmpty();
		assertThat(this.store.sessions(this.alice.userId())).isEmpty();
	}

	@Test
	void aSpentTokenPresentedAgainAfterItsSuccessorWasSpentRevokesItsFamilyWithinTheInterval() {
		Login login = login(this.alice);
		RefreshTokenId next = nextId(login);
		rotate(login.id(), next, "sealed-successor");
		RefreshTokenId afterNext = nextId(login);
		assertThat(rotate(next, afterNext, "sealed-after-next").outcome()).isEqualTo(RefreshTokenRotation.Outcome.ROTATED);
		assertThat(rotate(login.id(), nextId(login), "sealed-other").outcome())
			.isEqualTo(RefreshTokenRotation.Outcome.REFUSED);
		assertThat(this.store.find(afterNext)).isEmpty();
		assertThat(this.store.sessions(this.alice.userId())).isEmpty();
	}

	@Test
	void theSameRotationSentAgainIsAnsweredAsRotatedAfterTheReuseInterval() {
		Login login = login(this.alice);
		RefreshTokenSuccessor next = new RefreshTokenSuccessor(nextId(login), nextExpiry(), "sealed-successor");
		assertThat(this.store.rotate(login.id(), next, REUSE_INTERVAL).outcome())
			.isEqualTo(RefreshTokenRotation.Outcome.ROTATED);
		this.clock.advance(REUSE_INTERVAL.multipliedBy(100));
		RefreshTokenRotation again = this.store.rotate(login.id(), next, REUSE_INTERVAL);
		assertThat(again.outcome()).isEqualTo(RefreshTokenRotation.Outcome.ROTATED);
		assertThat(again.spent()).isEqualTo(login.grant());
		assertThat(this.store.find(next.id())).isPresent();
		assertThat(this.store.sessions(this.alice.userId())).hasSize(1);
	}

	@Test
	void theSameRotationSentAgainAfterItsSuccessorWasSpentRevokesItsFamily() {
		Login login = login(this.alice);
		RefreshTokenSuccessor next = new RefreshTokenSuccessor(nextId(login), nextExpiry(), "sealed-successor");
		this.store.rotate(login.id(), next, REUSE_INTERVAL);
		RefreshTokenId afterNext = nextId(login);
		rotate(next.id(), afterNext, "sealed-after-next");
		assertThat(this.store.rotate(login.id(), next, REUSE_INTERVAL).outcome())
			.isEqualTo(RefreshTokenRotation.Outcome.REFUSED);
		assertThat(this.store.find(afterNext)).isEmpty();
		assertThat(this.store.sessions(this.alice.userId())).isEmpty();
	}

	@Test
	void aSpentTokenOfARevokedFamilyIsNotReplayed() {
		Login login = login(this.alice);
		rotate(login.id(), nextId(login), "sealed-successor");
		this.store.revokeFamily(login.id().familyId());
		assertThat(rotate(login.id(), nextId(login), "sealed-other").outcome())
			.isEqualTo(RefreshTokenRotation.Outcome.REFUSED);
	}

	@Test
	void withoutAReuseIntervalOrASealedSuccessorASpentTokenPresentedAgainRevokesItsFamily() {
		Login off = login(this.alice);
		RefreshTokenId offNext = nextId(off);
		this.store.rotate(off.id(), new RefreshTokenSuccessor(offNext, nextExpiry(), "sealed"), Duration.ZERO);
		assertThat(this.store.rotate(off.id(), new RefreshTokenSuccessor(nextId(off), nextExpiry(), "sealed"),
				Duration.ZERO).outcome()).isEqualTo(RefreshTokenRotation.Outcome.REFUSED);
		assertThat(this.store.find(offNext)).isEmpty();
		Login unsealed = login(this.alice);
		RefreshTokenId unsealedNext = nextId(unsealed);
		rotate(unsealed.id(), unsealedNext, null);
		assertThat(rotate(unsealed.id(), nextId(unsealed), "sealed").outcome())
			.isEqualTo(RefreshTokenRotation.Outcome.REFUSED);
		assertThat(this.store.find(unsealedNext)).isEmpty();
	}

	@Test
	void anUndoneRotationIsNotReplayedAndTheTokenRotatesAgain() {
		Login login = login(this.alice);
		RefreshTokenId next = nextId(login);
		rotate(login.id(), next, "sealed-successor");
		assertThat(this.store.undoRotation(login.id(), next)).isTrue();
		RefreshTokenId again = nextId(login);
		assertThat(rotate(login.id(), again, "sealed-again").outcome()).isEqualTo(RefreshTokenRotation.Outcome.ROTATED);
		RefreshTokenRotation replayed = rotate(login.id(), nextId(login), "sealed-other");
		assertThat(replayed.outcome()).isEqualTo(RefreshTokenRotation.Outcome.REPLAYED);
		assertThat(replayed.successor()).extracting(RefreshTokenSuccessor::id).isEqualTo(again);
	}

	@Test
	void twoLoginsAreTwoSessionsNewestFirst() {
		Login phone = login(this.alice, PHONE, TTL);
		this.clock.advance(Duration.ofMinutes(1));
		Login tablet = login(this.alice, TABLET, TTL);
		List<WxLoginSession> sessions = newStore(this.clock).sessions(this.alice.userId());
		assertThat(sessions).extracting(WxLoginSession::id)
			.containsExactly(tablet.grant().sessionId(), phone.grant().sessionId());
		WxLoginSession first = sessions.get(1);
		assertThat(first.accountId()).isEqualTo(this.alice.userId());
		assertThat(first.appid()).isEqualTo(APP);
		assertThat(first.createdAt()).isEqualTo(SettableClock.START);
		assertThat(first.lastUsedAt()).isEqualTo(SettableClock.START);
		assertThat(first.expiresAt()).isEqualTo(phone.grant().expiresAt());
		assertThat(first.ip()).isEqualTo("203.0.113.7");
		assertThat(first.userAgent()).isEqualTo("MicroMessenger/8.0.47.2560 (Android 14)");
		assertThat(first.device()).isEqualTo(new WxLoginDevice("Pixel 8", "android", "Android 14"));
		assertThat(sessions.get(0).ip()).isEqualTo("2001:db8::1");
		assertThat(sessions.get(0).userAgent()).isNull();
		assertThat(sessions.get(0).device()).isNull();
	}

	@Test
	void sessionIdGivesAwayNoPartOfTheRefreshToken() {
		Login login = login(this.alice);
		String sessionId = this.store.sessions(this.alice.userId()).get(0).id();
		assertThat(sessionId).isNotEqualTo(login.id().familyId())
			.doesNotContain(login.id().familyId())
			.isNotEqualTo(login.id().hash())
			.isEqualTo(login.grant().sessionId());
	}

	@Test
	void refreshMovesTheSessionsLastUseAndExpiryOn() {
		Login login = login(this.alice);
		this.clock.advance(Duration.ofDays(2));
		assertThat(refresh(login)).isPresent();
		WxLoginSession session = this.store.sessions(this.alice.userId()).get(0);
		assertThat(session.createdAt()).isEqualTo(SettableClock.START);
		assertThat(session.lastUsedAt()).isEqualTo(this.clock.instant());
		assertThat(session.expiresAt()).isEqualTo(this.clock.instant().plus(TTL));
	}

	@Test
	void endingOneSessionRefusesItsRefreshTokenAndLeavesTheOther() {
		Login phone = login(this.alice);
		Login tablet = login(this.alice, TABLET, TTL);
		Optional<WxLoginSession> ended = newStore(this.clock).endSession(this.alice.userId(), phone.grant().sessionId());
		assertThat(ended).hasValueSatisfying((session) -> assertThat(session.id()).isEqualTo(phone.grant().sessionId()));
		assertThat(this.store.find(phone.id())).isEmpty();
		assertThat(refresh(phone)).isEmpty();
		assertThat(this.store.sessions(this.alice.userId())).extracting(WxLoginSession::id)
			.containsExactly(tablet.grant().sessionId());
		assertThat(refresh(tablet)).isPresent();
		assertThat(this.store.endSession(this.alice.userId(), phone.grant().sessionId())).isEmpty();
	}

	@Test
	void endingAllSessionsRefusesEveryRefreshToken() {
		Login phone = login(this.alice);
		Login tablet = login(this.alice, TABLET, TTL);
		Login bob = login(this.bob);
		assertThat(newStore(this.clock).endSessions(this.alice.userId())).extracting(WxLoginSession::id)
			.containsExactlyInAnyOrder(phone.grant().sessionId(), tablet.grant().sessionId());
		assertThat(refresh(phone)).isEmpty();
		assertThat(refresh(tablet)).isEmpty();
		assertThat(this.store.sessions(this.alice.userId())).isEmpty();
		assertThat(refresh(bob)).isPresent();
		assertThat(this.store.sessions(this.bob.userId())).hasSize(1);
	}

	@Test
	void aLoginAfterEndingAllIsASessionAgain() {
		login(this.alice);
		this.store.endSessions(this.alice.userId());
		Login again = login(this.alice);
		assertThat(this.store.sessions(this.alice.userId())).extracting(WxLoginSession::id)
			.containsExactly(again.grant().sessionId());
		assertThat(refresh(again)).isPresent();
	}

	@Test
	void keepingTheNewestOneEndsTheOlderSessionsInThatMiniProgramOnly() {
		Login first = login(this.alice);
		this.clock.advance(Duration.ofSeconds(1));
		Login otherApp = login(new WxPrincipal(this.alice.userId(), "openid-alice-2", "wx-other-app"));
		this.clock.advance(Duration.ofSeconds(1));
		Login second = login(this.alice);
		this.clock.advance(Duration.ofSeconds(1));
		Login newest = login(this.alice);
		assertThat(newStore(this.clock).keepNewest(this.alice.userId(), APP, 1)).extracting(WxLoginSession::id)
			.containsExactly(second.grant().sessionId(), first.grant().sessionId());
		assertThat(refresh(first)).isEmpty();
		assertThat(refresh(second)).isEmpty();
		assertThat(refresh(newest)).isPresent();
		assertThat(refresh(otherApp)).isPresent();
		assertThat(this.store.sessions(this.alice.userId())).extracting(WxLoginSession::id)
			.containsExactly(newest.grant().sessionId(), otherApp.grant().sessionId());
		assertThat(this.store.keepNewest(this.alice.userId(), APP, 1)).isEmpty();
	}

	@Test
	void anotherAccountsSessionIsNeitherListedNorEnded() {
		Login bob = login(this.bob);
		login(this.alice);
		assertThat(this.store.sessions(this.alice.userId())).extracting(WxLoginSession::id)
			.doesNotContain(bob.grant().sessionId());
		assertThat(this.store.endSession(this.alice.userId(), bob.grant().sessionId())).isEmpty();
		assertThat(refresh(bob)).isPresent();
		assertThat(this.store.sessions(this.bob.userId())).hasSize(1);
	}

	@Test
	void unknownSessionIsNotEnded() {
		login(this.alice);
		assertThat(this.store.endSession(this.alice.userId(), "no-such-session")).isEmpty();
		assertThat(this.store.endSession("nobody", "no-such-session")).isEmpty();
		assertThat(this.store.sessions(this.alice.userId())).hasSize(1);
		assertThat(this.store.sessions("nobody")).isEmpty();
	}

	@Test
	void revokedFamilyIsNoLongerASession() {
		Login loggedOut = login(this.alice);
		Login reused = login(this.alice);
		Login kept = login(this.alice);
		this.store.revokeFamily(loggedOut.id().familyId());
		refresh(reused);
		refresh(reused);
		assertThat(this.store.sessions(this.alice.userId())).extracting(WxLoginSession::id)
			.containsExactly(kept.grant().sessionId());
	}

	@Test
	void familyEndedBeforeItsFirstTokenIsSavedNeverStarts() {
		// An end-all that meets a login being saved revokes its family first: the login must not outlive it
		String familyId = UUID.randomUUID().toString();
		this.store.revokeFamily(familyId);
		RefreshTokenGrant grant = new RefreshTokenGrant(familyId, this.alice, this.clock.instant().plus(TTL));
		RefreshTokenId id = new RefreshTokenId(familyId, UUID.randomUUID().toString());
		this.store.save(id, grant, PHONE);
		assertThat(this.store.find(id)).isEmpty();
		assertThat(this.store.sessions(this.alice.userId())).isEmpty();
	}

	@Test
	void sessionEndsWhenItsFamilyExpires() {
		Login shortLived = login(this.alice, PHONE, Duration.ofMinutes(10));
		Login kept = login(this.alice);
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(this.store.sessions(this.alice.userId())).extracting(WxLoginSession::id)
			.containsExactly(kept.grant().sessionId());
		assertThat(this.store.endSession(this.alice.userId(), shortLived.grant().sessionId())).isEmpty();
		assertThat(this.store.endSessions(this.alice.userId())).extracting(WxLoginSession::id)
			.containsExactly(kept.grant().sessionId());
	}

	@Test
	void refreshedSessionOutlivesItsFirstToken() {
		Login login = login(this.alice, PHONE, Duration.ofMinutes(10));
		this.clock.advance(Duration.ofMinutes(5));
		refresh(login);
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.store.sessions(this.alice.userId())).extracting(WxLoginSession::id)
			.containsExactly(login.grant().sessionId());
	}

	@Test
	void aTokenOfAFamilyRevokedForAReasonIsRefusedWithThatReason() {
		Login login = login(this.alice);
		this.store.revokeFamily(login.id().familyId(), WxSessionEndReason.ACCOUNT_DISABLED);
		assertThat(rotation(login).refusal()).isEqualTo(WxSessionEndReason.ACCOUNT_DISABLED);
	}

	@Test
	void aFamilyRevokedTwiceKeepsItsFirstReason() {
		Login login = login(this.alice);
		this.store.revokeFamily(login.id().familyId(), WxSessionEndReason.SESSION_ENDED);
		newStore(this.clock).revokeFamily(login.id().familyId(), WxSessionEndReason.SESSION_REVOKED);
		assertThat(rotation(login).refusal()).isEqualTo(WxSessionEndReason.SESSION_ENDED);
	}

	@Test
	void anExpiredTokenIsRefusedAsExpiredAndAnUnknownOneWithoutReason() {
		Login login = login(this.alice, PHONE, Duration.ofMinutes(10));
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(rotation(login).refusal()).isEqualTo(WxSessionEndReason.EXPIRED);
		RefreshTokenId unknown = new RefreshTokenId(UUID.randomUUID().toString(), UUID.randomUUID().toString());
		assertThat(this.store.rotate(unknown, new RefreshTokenSuccessor(
				new RefreshTokenId(unknown.familyId(), "next"), nextExpiry(), null), Duration.ZERO).refusal())
			.isNull();
	}

	@Test
	void aSpentTokenPresentedAgainIsRefusedAsReuseOnEveryInstance() {
		Login login = login(this.alice);
		assertThat(refresh(login)).isPresent();
		assertThat(rotation(login).refusal()).isEqualTo(WxSessionEndReason.REUSE_DETECTED);
		assertThat(newStore(this.clock).rotate(login.id(), new RefreshTokenSuccessor(nextId(login), nextExpiry(), null),
				Duration.ZERO).refusal()).isEqualTo(WxSessionEndReason.REUSE_DETECTED);
	}

	@Test
	void sessionsEndedForAReasonRefuseTheirTokensWithIt() {
		Login phone = login(this.alice);
		Login tablet = login(this.alice, TABLET, TTL);
		Login other = login(this.alice);
		assertThat(this.store.endSession(this.alice.userId(), phone.grant().sessionId(),
				WxSessionEndReason.SESSION_ENDED)).isPresent();
		assertThat(newStore(this.clock).endSessions(this.alice.userId(), WxSessionEndReason.ACCOUNT_DELETED))
			.extracting(WxLoginSession::id)
			.containsExactlyInAnyOrder(tablet.grant().sessionId(), other.grant().sessionId());
		assertThat(rotation(phone).refusal()).isEqualTo(WxSessionEndReason.SESSION_ENDED);
		assertThat(rotation(tablet).refusal()).isEqualTo(WxSessionEndReason.ACCOUNT_DELETED);
		assertThat(rotation(other).refusal()).isEqualTo(WxSessionEndReason.ACCOUNT_DELETED);
	}

	@Test
	void aSessionUnusedForTheIdleTimeoutIsRefusedAsIdleAndEnds() {
		this.store = newStore(this.clock, Duration.ofHours(1));
		Login login = login(this.alice);
		this.clock.advance(Duration.ofHours(1));
		RefreshTokenRotation idle = rotation(login);
		assertThat(idle.refusal()).isEqualTo(WxSessionEndReason.IDLE_TIMEOUT);
		assertThat(idle.spent()).isEqualTo(login.grant());
		assertThat(this.store.sessions(this.alice.userId())).isEmpty();
		assertThat(rotation(login).refusal()).isEqualTo(WxSessionEndReason.IDLE_TIMEOUT);
	}

	@Test
	void aSessionUsedWithinTheIdleTimeoutIsRefreshedAndItsUseMovesOn() {
		this.store = newStore(this.clock, Duration.ofHours(1));
		Login login = login(this.alice);
		this.clock.advance(Duration.ofMinutes(50));
		Instant used = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		this.store.touch(this.alice.userId(), login.grant().sessionId(), used);
		assertThat(this.store.sessions(this.alice.userId())).extracting(WxLoginSession::lastUsedAt)
			.containsExactly(used);
		this.clock.advance(Duration.ofMinutes(50));
		assertThat(rotation(login).outcome()).isEqualTo(RefreshTokenRotation.Outcome.ROTATED);
	}

	@Test
	void aTouchNeverMovesASessionsLastUseBackNorRevivesAnEndedOne() {
		Login login = login(this.alice);
		Instant loggedIn = this.store.sessions(this.alice.userId()).get(0).lastUsedAt();
		this.store.touch(this.alice.userId(), login.grant().sessionId(), loggedIn.minusSeconds(60));
		assertThat(this.store.sessions(this.alice.userId())).extracting(WxLoginSession::lastUsedAt)
			.containsExactly(loggedIn);
		this.store.endSessions(this.alice.userId(), WxSessionEndReason.SESSION_ENDED);
		this.store.touch(this.alice.userId(), login.grant().sessionId(), loggedIn.plusSeconds(60));
		assertThat(this.store.sessions(this.alice.userId())).isEmpty();
	}

	RefreshTokenRotation rotation(Login login) {
		return this.store.rotate(login.id(), new RefreshTokenSuccessor(nextId(login), nextExpiry(), null),
				Duration.ZERO);
	}

	record Login(RefreshTokenId id, RefreshTokenGrant grant) {
	}

}
