package io.github.wxlogin.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxTenant;
import io.github.wxlogin.redis.TestRedis;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The refresh-token store on one kind of Redis; a subclass for each kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RedisRefreshTokenStoreTests extends RefreshTokenStoreSessionTests {

	private static final WxPrincipal USER = new WxPrincipal("user|1", "openid-1", "wx-app");

	private final Supplier<LettuceConnectionFactory> connect;

	private TestRedis server;

	private StringRedisTemplate redis;

	private String keyPrefix;

	RedisRefreshTokenStoreTests(Supplier<LettuceConnectionFactory> connect) {
		this.connect = connect;
	}

	@BeforeAll
	void connect() {
		this.server = TestRedis.connect(this.connect, getClass());
		this.redis = this.server.template();
		this.keyPrefix = this.server.keyPrefix();
	}

	@AfterAll
	void disconnect() {
		this.server.close();
	}

	@Override
	RedisRefreshTokenStore newStore(Clock clock) {
		return new RedisRefreshTokenStore(this.redis, this.keyPrefix, clock, TTL);
	}

	@Override
	RedisRefreshTokenStore newStore(Clock clock, Duration idleTimeout) {
		return new RedisRefreshTokenStore(this.redis, this.keyPrefix, clock, TTL, idleTimeout);
	}

	private RefreshTokenGrant newGrant(Duration life) {
		// Redis keeps the expiry in milliseconds
		return new RefreshTokenGrant(UUID.randomUUID().toString(), USER,
				this.clock.instant().plus(life).truncatedTo(ChronoUnit.MILLIS));
	}

	private static RefreshTokenId newId(RefreshTokenGrant grant) {
		return newId(grant.familyId());
	}

	private static RefreshTokenId newId(String familyId) {
		return new RefreshTokenId(familyId, UUID.randomUUID().toString());
	}

	private static RefreshTokenId newId() {
		return newId(UUID.randomUUID().toString());
	}

	private Optional<RefreshTokenGrant> rotate(RefreshTokenStore store, RefreshTokenId id,
			RefreshTokenId nextId) {
		return store.rotate(id, nextId, nextExpiry());
	}

	private Optional<RefreshTokenGrant> rotate(RefreshTokenStore store, RefreshTokenId id) {
		return rotate(store, id, newId(id.familyId()));
	}

	/** Redis counts a key's TTL down in real time from the one the store set: read it in milliseconds. */
	private long millisToLive(String key) {
		return this.redis.getExpire(key, TimeUnit.MILLISECONDS);
	}

	private String tokenKey(RefreshTokenId id) {
		return this.keyPrefix + "refresh-token:{" + id.familyId() + "}:" + id.hash();
	}

	@Test
	void savedTokenIsFoundByAnotherInstance() {
		RefreshTokenGrant grant = newGrant(TTL);
		RefreshTokenId id = newId(grant);
		this.store.save(id, grant, WxLoginOrigin.UNKNOWN);
		assertThat(newStore(this.clock).find(id)).contains(grant);
	}

	@Test
	void unknownTokenIsNotFoundNorRotated() {
		assertThat(this.store.find(newId())).isEmpty();
		assertThat(rotate(this.store, newId())).isEmpty();
	}

	@Test
	void tokenPresentedWithAnotherFamilyIsNotFound() {
		RefreshTokenGrant grant = newGrant(TTL);
		RefreshTokenId id = newId(grant);
		this.store.save(id, grant, WxLoginOrigin.UNKNOWN);
		RefreshTokenId elsewhere = new RefreshTokenId(UUID.randomUUID().toString(), id.hash());
		assertThat(this.store.find(elsewhere)).isEmpty();
		assertThat(rotate(this.store, elsewhere)).isEmpty();
		assertThat(this.store.find(id)).contains(grant);
	}

	@Test
	void rotationSpendsTheTokenAndStoresItsSuccessor() {
		RefreshTokenGrant grant = newGrant(TTL);
		RefreshTokenId id = newId(grant);
		RefreshTokenId nextId = newId(grant);
		this.store.save(id, grant, WxLoginOrigin.UNKNOWN);
		assertThat(rotate(this.store, id, nextId)).contains(grant);
		assertThat(this.store.find(id)).isEmpty();
		assertThat(this.store.find(nextId)).hasValueSatisfying((next) -> {
			assertThat(next.familyId()).isEqualTo(grant.familyId());
			assertThat(next.subject()).isEqualTo(USER);
		});
	}

	@Test
	void successorOutsideTheFamilyIsRefusedBeforeAnythingIsSpent() {
		RefreshTokenGrant grant = newGrant(TTL);
		RefreshTokenId id = newId(grant);
		this.store.save(id, grant, WxLoginOrigin.UNKNOWN);
		assertThatIllegalArgumentException().isThrownBy(() -> rotate(this.store, id, newId()));
		assertThat(this.store.find(id)).contains(grant);
	}

	@Test
	void spentTokenPresentedAgainRevokesItsFamily() {
		RefreshTokenGrant grant = newGrant(TTL);
		RefreshTokenId id = newId(grant);
		RefreshTokenId nextId = newId(grant);
		this.store.save(id, grant, WxLoginOrigin.UNKNOWN);
		rotate(this.store, id, nextId);
		assertThat(rotate(newStore(this.clock), id)).isEmpty();
		assertThat(this.store.find(nextId)).isEmpty();
		assertThat(rotate(this.store, nextId)).isEmpty();
		assertThat(millisToLive(this.keyPrefix + "refresh-family:{" + grant.familyId() + "}:revoked"))
			.isLessThanOrEqualTo(TTL.toMillis()).isGreaterThan(TTL.minusDays(1).toMillis());
	}

	@Test
	void ofFiftyConcurrentRotationsOnTwoInstancesExactlyOneSucceeds() throws Exception {
		RefreshTokenGrant grant = newGrant(TTL);
		RefreshTokenId id = newId(grant);
		this.store.save(id, grant, WxLoginOrigin.UNKNOWN);
		List<RefreshTokenStore> instances = List.of(newStore(this.clock), newStore(this.clock));
		ExecutorService pool = Executors.newFixedThreadPool(50);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Optional<RefreshTokenGrant>>> results = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				RefreshTokenStore instance = instances.get(i % 2);
				results.add(pool.submit(() -> {
					start.await();
					return rotate(instance, id);
				}));
			}
			start.countDown();
			int rotated = 0;
			for (Future<Optional<RefreshTokenGrant>> result : results) {
				rotated += result.get().isPresent() ? 1 : 0;
			}
			assertThat(rotated).isOne();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void expiredTokenIsRefused() {
		RefreshTokenGrant grant = newGrant(Duration.ofMinutes(1));
		RefreshTokenId id = newId(grant);
		this.store.save(id, grant, WxLoginOrigin.UNKNOWN);
		RefreshTokenStore later = newStore(Clock.offset(this.clock, Duration.ofMinutes(2)));
		assertThat(later.find(id)).isEmpty();
		assertThat(rotate(later, id)).isEmpty();
		assertThat(this.store.find(id)).isPresent();
	}

	@Test
	void tokenLeavesRedisWhenItExpires() {
		RefreshTokenGrant grant = newGrant(Duration.ofMinutes(10));
		RefreshTokenId id = newId(grant);
		this.store.save(id, grant, WxLoginOrigin.UNKNOWN);
		// The grant's own life by the store's clock, not the 30 days of a new token
		assertThat(millisToLive(tokenKey(id))).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
	}

	@Test
	void spentTokenIsKeptUntilItExpiresToRecogniseItsReuse() {
		RefreshTokenGrant grant = newGrant(Duration.ofMinutes(10));
		RefreshTokenId id = newId(grant);
		this.store.save(id, grant, WxLoginOrigin.UNKNOWN);
		rotate(this.store, id);
		assertThat(this.redis.<String, String>opsForHash().get(tokenKey(id), "spent")).isEqualTo("1");
		assertThat(millisToLive(tokenKey(id))).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
	}

	@Test
	void revokedFamilyIsRefused() {
		RefreshTokenGrant grant = newGrant(TTL);
		RefreshTokenId id = newId(grant);
		this.store.save(id, grant, WxLoginOrigin.UNKNOWN);
		newStore(this.clock).revokeFamily(grant.familyId());
		assertThat(this.store.find(id)).isEmpty();
		assertThat(rotate(this.store, id)).isEmpty();
	}

	@Test
	void rotationKeysOfAFamilyShareOneHashSlotAndFamiliesSpreadOverTheSlots() {
		Set<Integer> familySlots = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			String familyId = UUID.randomUUID().toString();
			List<String> keys = newStore(this.clock).rotationKeys(newId(familyId), newId(familyId));
			assertThat(keys).hasSize(4).doesNotHaveDuplicates();
			Set<Integer> slots = new HashSet<>();
			keys.forEach((key) -> slots.add(SlotHash.getSlot(key)));
			assertThat(slots).as("slots of %s", keys).hasSize(1);
			assertThat(keys).allSatisfy((key) -> assertThat(key).contains("{" + familyId + "}"));
			familySlots.addAll(slots);
		}
		assertThat(familySlots).hasSizeGreaterThan(90);
	}


	private String indexKey(String accountId) {
		return this.keyPrefix + "refresh-sessions:" + accountId;
	}

	private String sessionKey(String familyId) {
		return this.keyPrefix + "refresh-family:{" + familyId + "}:session";
	}

	private Double indexScore(Login login) {
		return this.redis.opsForZSet().score(indexKey(login.grant().subject().userId()), login.id().familyId());
	}

	@Test
	void theIndexHoldsAFamilyOneLifetimeBeyondItsExpiryAndDropsItOnceThatPassed() {
		Login shortLived = login(this.alice, WxLoginOrigin.UNKNOWN, Duration.ofMinutes(10));
		Login kept = login(this.alice);
		assertThat(indexScore(kept)).isEqualTo((double) kept.grant().expiresAt().plus(TTL).toEpochMilli());
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(this.store.sessions(this.alice.userId())).extracting(WxLoginSession::id)
			.containsExactly(kept.grant().sessionId());
		assertThat(indexScore(shortLived)).as("held, and ignored, until its score passes").isNotNull();
		this.clock.advance(TTL);
		assertThat(this.store.sessions(this.alice.userId())).isEmpty();
		assertThat(indexScore(shortLived)).isNull();
		assertThat(indexScore(kept)).isNotNull();
	}

	@Test
	void indexLivesAsLongAsItHoldsItsLastFamilyAndSessionsAsLongAsTheirs() {
		Login login = login(this.alice, WxLoginOrigin.UNKNOWN, Duration.ofMinutes(10));
		assertThat(millisToLive(indexKey(this.alice.userId()))).isGreaterThan(TTL.toMillis())
			.isLessThanOrEqualTo(TTL.plusMinutes(10).toMillis());
		assertThat(millisToLive(sessionKey(login.id().familyId()))).isPositive()
			.isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
		refresh(login);
		long sessionMillis = millisToLive(sessionKey(login.id().familyId()));
		assertThat(sessionMillis).isGreaterThan(TTL.minusDays(1).toMillis());
		assertThat(millisToLive(indexKey(this.alice.userId()))).isGreaterThanOrEqualTo(sessionMillis);
	}

	@Test
	void aRefreshIsOneCallToRedisWhileTheIndexHoldsItsFamilyAndThreeWhenItRaisesTheIndexFirst() {
		CallCountingTemplate counted = new CallCountingTemplate(this.redis.getRequiredConnectionFactory());
		RefreshTokenStore store = new RedisRefreshTokenStore(counted, this.keyPrefix, this.clock, TTL);
		Login login = login(this.alice);
		this.clock.advance(Duration.ofDays(20));
		RefreshTokenId second = nextId(login);
		counted.calls.set(0);
		assertThat(store.rotate(login.id(), second, nextExpiry())).contains(login.grant());
		assertThat(counted.calls).hasValue(1);
		assertThat(indexScore(login)).isEqualTo((double) login.grant().expiresAt().plus(TTL).toEpochMilli());

		// 40 days after the login, a successor would outlive what the index holds (60 days)
		this.clock.advance(Duration.ofDays(20));
		counted.calls.set(0);
		Instant thirdExpiresAt = nextExpiry();
		assertThat(store.rotate(second, new RefreshTokenId(login.id().familyId(), UUID.randomUUID().toString()),
				thirdExpiresAt)).isPresent();
		assertThat(counted.calls).hasValue(3);
		assertThat(indexScore(login)).isEqualTo((double) thirdExpiresAt.plus(TTL).toEpochMilli());
		assertThat(this.store.sessions(this.alice.userId())).extracting(WxLoginSession::expiresAt)
			.containsExactly(thirdExpiresAt);
	}

	@Test
	void aFamilyWithoutItsSessionHashIsIndexedBeforeEachRotation() {
		// A family whose session hash is gone while a token lives (say, evicted) still reaches the index
		Login login = login(this.alice);
		this.redis.delete(sessionKey(login.id().familyId()));
		this.redis.delete(indexKey(this.alice.userId()));
		RefreshTokenId next = nextId(login);
		assertThat(rotate(this.store, login.id(), next)).isPresent();
		assertThat(indexScore(login)).isEqualTo((double) nextExpiry().plus(TTL).toEpochMilli());
	}

	@Test
	void aTokenSavedBeforeTenantsIsOfTheDefaultTenantAndSoAreItsSuccessors() {
		WxPrincipal merchant = new WxPrincipal(this.alice.userId(), this.alice.openid(), APP, "merchant-1");
		Login login = login(merchant);
		// What the store wrote before tenants: the same fields, without the tenant
		this.redis.opsForHash().delete(tokenKey(login.id()), "tenant");
		WxPrincipal before = new WxPrincipal(this.alice.userId(), this.alice.openid(), APP);
		assertThat(before.tenant()).isEqualTo(WxTenant.DEFAULT);
		assertThat(this.store.find(login.id())).map(RefreshTokenGrant::subject).contains(before);
		RefreshTokenId next = nextId(login);
		assertThat(rotate(login.id(), next, "sealed-successor").spent().subject()).isEqualTo(before);
		assertThat(rotate(login.id(), nextId(login), "sealed-other").spent().subject()).isEqualTo(before);
		assertThat(this.redis.opsForHash().hasKey(tokenKey(next), "tenant")).isFalse();
		assertThat(this.store.find(next)).map(RefreshTokenGrant::subject).contains(before);
		assertThat(this.store.findSpent(login.id())).map(RefreshTokenGrant::subject).contains(before);
	}

	@Test
	void theSameRotationSentTwiceIsNotTakenForAReuse() {
		// What a client library's retry of a command whose reply was lost with its connection does
		Login login = login(this.alice);
		RefreshTokenId next = nextId(login);
		assertThat(rotate(this.store, login.id(), next)).contains(login.grant());
		assertThat(rotate(newStore(this.clock), login.id(), next)).contains(login.grant());
		assertThat(this.store.find(next)).isPresent();
		assertThat(this.store.sessions(this.alice.userId())).hasSize(1);
		// any other rotation of the spent token is a reuse
		assertThat(rotate(this.store, login.id())).isEmpty();
		assertThat(this.store.find(next)).isEmpty();
	}

	/** Counts the calls a store makes through it: each is one round trip to Redis. */
	private static final class CallCountingTemplate extends StringRedisTemplate {

		final AtomicInteger calls = new AtomicInteger();

		CallCountingTemplate(RedisConnectionFactory connectionFactory) {
			super(connectionFactory);
		}

		@Override
		public <T> T execute(RedisCallback<T> action, boolean exposeConnection, boolean pipeline) {
			this.calls.incrementAndGet();
			return super.execute(action, exposeConnection, pipeline);
		}

	}

	@Test
	void endedSessionsLeaveTheIndexAndTheirSessionHashGoes() {
		Login phone = login(this.alice);
		Login tablet = login(this.alice);
		this.store.endSession(this.alice.userId(), phone.grant().sessionId());
		assertThat(this.redis.hasKey(sessionKey(phone.id().familyId()))).isFalse();
		assertThat(this.redis.opsForZSet().range(indexKey(this.alice.userId()), 0, -1)).containsExactly(tablet.id().familyId());
		this.store.endSessions(this.alice.userId());
		assertThat(this.redis.opsForZSet().size(indexKey(this.alice.userId()))).isZero();
	}

	@Test
	void indexMemberWhoseFamilyWasNeverWrittenIsNotASessionButIsEndedWithTheRest() {
		// What an instance leaves when it fails between writing the index and the family
		String unsaved = UUID.randomUUID().toString();
		this.redis.opsForZSet().add(indexKey(this.alice.userId()), unsaved, this.clock.millis() + TTL.toMillis());
		Login login = login(this.alice);
		assertThat(this.store.sessions(this.alice.userId())).extracting(WxLoginSession::id)
			.containsExactly(login.grant().sessionId());
		assertThat(this.store.endSessions(this.alice.userId())).hasSize(1);
		// Should that login still be saved, it never starts
		RefreshTokenGrant late = new RefreshTokenGrant(unsaved, this.alice, this.clock.instant().plus(TTL));
		RefreshTokenId lateId = new RefreshTokenId(unsaved, UUID.randomUUID().toString());
		this.store.save(lateId, late, WxLoginOrigin.UNKNOWN);
		assertThat(this.store.find(lateId)).isEmpty();
		assertThat(this.store.sessions(this.alice.userId())).isEmpty();
	}

	@Test
	void accountIndexIsOneKeyOfItsOwnAndASessionStaysInItsFamilysSlot() {
		Login login = login(this.alice);
		assertThat(SlotHash.getSlot(sessionKey(login.id().familyId())))
			.isEqualTo(SlotHash.getSlot(tokenKey(login.id())));
		assertThat(this.redis.type(indexKey(this.alice.userId())).code()).isEqualTo("zset");
	}

}
