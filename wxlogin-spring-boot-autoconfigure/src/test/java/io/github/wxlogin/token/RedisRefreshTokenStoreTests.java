package io.github.wxlogin.token;

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
import java.util.function.Supplier;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.redis.TestRedis;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The refresh-token store on one kind of Redis; a subclass for each kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RedisRefreshTokenStoreTests {

	private static final Duration TTL = Duration.ofDays(30);

	private static final WxPrincipal USER = new WxPrincipal("user|1", "openid-1", "wx-app");

	private final Supplier<LettuceConnectionFactory> connect;

	private TestRedis server;

	private StringRedisTemplate redis;

	private String keyPrefix;

	private RedisRefreshTokenStore store;

	RedisRefreshTokenStoreTests(Supplier<LettuceConnectionFactory> connect) {
		this.connect = connect;
	}

	@BeforeAll
	void connect() {
		this.server = TestRedis.connect(this.connect, getClass());
		this.redis = this.server.template();
		this.keyPrefix = this.server.keyPrefix();
		this.store = store(Clock.systemUTC());
	}

	@AfterAll
	void disconnect() {
		this.server.close();
	}

	private RedisRefreshTokenStore store(Clock clock) {
		return new RedisRefreshTokenStore(this.redis, this.keyPrefix, clock, TTL);
	}

	private static RefreshTokenGrant newGrant(Duration life) {
		// Redis keeps the expiry in milliseconds
		return new RefreshTokenGrant(UUID.randomUUID().toString(), USER,
				Instant.now().plus(life).truncatedTo(ChronoUnit.MILLIS));
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

	private static Optional<RefreshTokenGrant> rotate(RedisRefreshTokenStore store, RefreshTokenId id,
			RefreshTokenId nextId) {
		return store.rotate(id, nextId, (spent) -> new RefreshTokenGrant(spent.familyId(), spent.subject(),
				Instant.now().plus(TTL).truncatedTo(ChronoUnit.MILLIS)));
	}

	private static Optional<RefreshTokenGrant> rotate(RedisRefreshTokenStore store, RefreshTokenId id) {
		return rotate(store, id, newId(id.familyId()));
	}

	private String tokenKey(RefreshTokenId id) {
		return this.keyPrefix + "refresh-token:{" + id.familyId() + "}:" + id.hash();
	}

	@Test
	void savedTokenIsFoundByAnotherInstance() {
		RefreshTokenGrant grant = newGrant(TTL);
		RefreshTokenId id = newId(grant);
		this.store.save(id, grant);
		assertThat(store(Clock.systemUTC()).find(id)).contains(grant);
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
		this.store.save(id, grant);
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
		this.store.save(id, grant);
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
		this.store.save(id, grant);
		assertThatIllegalArgumentException().isThrownBy(() -> rotate(this.store, id, newId()));
		assertThat(this.store.find(id)).contains(grant);
	}

	@Test
	void spentTokenPresentedAgainRevokesItsFamily() {
		RefreshTokenGrant grant = newGrant(TTL);
		RefreshTokenId id = newId(grant);
		RefreshTokenId nextId = newId(grant);
		this.store.save(id, grant);
		rotate(this.store, id, nextId);
		assertThat(rotate(store(Clock.systemUTC()), id)).isEmpty();
		assertThat(this.store.find(nextId)).isEmpty();
		assertThat(rotate(this.store, nextId)).isEmpty();
		assertThat(this.redis.getExpire(this.keyPrefix + "refresh-family:{" + grant.familyId() + "}:revoked"))
			.isBetween(TTL.toSeconds() - 5, TTL.toSeconds());
	}

	@Test
	void ofFiftyConcurrentRotationsOnTwoInstancesExactlyOneSucceeds() throws Exception {
		RefreshTokenGrant grant = newGrant(TTL);
		RefreshTokenId id = newId(grant);
		this.store.save(id, grant);
		List<RedisRefreshTokenStore> instances = List.of(store(Clock.systemUTC()), store(Clock.systemUTC()));
		ExecutorService pool = Executors.newFixedThreadPool(50);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Optional<RefreshTokenGrant>>> results = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				RedisRefreshTokenStore instance = instances.get(i % 2);
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
		this.store.save(id, grant);
		RedisRefreshTokenStore later = store(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2)));
		assertThat(later.find(id)).isEmpty();
		assertThat(rotate(later, id)).isEmpty();
		assertThat(this.store.find(id)).isPresent();
	}

	@Test
	void tokenLeavesRedisWhenItExpires() throws InterruptedException {
		RefreshTokenGrant grant = newGrant(Duration.ofMinutes(10));
		RefreshTokenId id = newId(grant);
		this.store.save(id, grant);
		assertThat(this.redis.getExpire(tokenKey(id)))
			.isBetween(Duration.ofMinutes(10).toSeconds() - 5, Duration.ofMinutes(10).toSeconds());
		RefreshTokenGrant shortGrant = newGrant(Duration.ofMillis(300));
		RefreshTokenId shortLived = newId(shortGrant);
		this.store.save(shortLived, shortGrant);
		Thread.sleep(600);
		assertThat(this.redis.hasKey(tokenKey(shortLived))).isFalse();
	}

	@Test
	void spentTokenIsKeptUntilItExpiresToRecogniseItsReuse() {
		RefreshTokenGrant grant = newGrant(Duration.ofMinutes(10));
		RefreshTokenId id = newId(grant);
		this.store.save(id, grant);
		rotate(this.store, id);
		assertThat(this.redis.<String, String>opsForHash().get(tokenKey(id), "spent")).isEqualTo("1");
		assertThat(this.redis.getExpire(tokenKey(id)))
			.isBetween(Duration.ofMinutes(10).toSeconds() - 5, Duration.ofMinutes(10).toSeconds());
	}

	@Test
	void revokedFamilyIsRefused() {
		RefreshTokenGrant grant = newGrant(TTL);
		RefreshTokenId id = newId(grant);
		this.store.save(id, grant);
		store(Clock.systemUTC()).revokeFamily(grant.familyId());
		assertThat(this.store.find(id)).isEmpty();
		assertThat(rotate(this.store, id)).isEmpty();
	}

	@Test
	void rotationKeysOfAFamilyShareOneHashSlotAndFamiliesSpreadOverTheSlots() {
		Set<Integer> familySlots = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			String familyId = UUID.randomUUID().toString();
			List<String> keys = this.store.rotationKeys(newId(familyId), newId(familyId));
			assertThat(keys).hasSize(3).doesNotHaveDuplicates();
			Set<Integer> slots = new HashSet<>();
			keys.forEach((key) -> slots.add(SlotHash.getSlot(key)));
			assertThat(slots).as("slots of %s", keys).hasSize(1);
			assertThat(keys).allSatisfy((key) -> assertThat(key).contains("{" + familyId + "}"));
			familySlots.addAll(slots);
		}
		assertThat(familySlots).hasSizeGreaterThan(90);
	}

}
