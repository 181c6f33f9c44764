package io.github.wxlogin.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import io.github.wxlogin.PhoneConflictException;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxProfile;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.WxUserService.WxUserLogin;
import io.github.wxlogin.clock.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The behaviour every {@link WxUserService} of the starter shares. Each test works in a mini program
 * of its own, so runs against a shared database do not collide.
 *
 * @param <S> the user service under test
 */
abstract class WxUserServiceContractTests<S extends WxUserService> {

	private static final int CONCURRENT_CALLERS = 32;

	private static final Instant START = Instant.parse("2025-03-01T08:00:00.123456789Z");

	private static final WxPhone PHONE = new WxPhone("13800138000", "13800138000", "86");

	private static final WxPhone OTHER_PHONE = new WxPhone("13900139000", "13900139000", "86");

	protected SettableClock clock = new SettableClock(START);

	protected String appid = "";

	private S users;

	/**
	 * Create the user service under test.
	 * @param clock the clock it must stamp times with
	 * @return the user service
	 */
	protected abstract S createUserService(Clock clock);

	/**
	 * Look a user up by unionid, which is not part of {@link WxUserService}.
	 */
	protected abstract Optional<WxUser> findByUnionid(S users, String appid, String unionid);

	@BeforeEach
	void createUserServiceInOwnMiniProgram() {
		this.clock = new SettableClock(START);
		this.appid = "wx" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		this.users = createUserService(this.clock);
	}

	@Test
	void firstLoginCreatesUser() {
		WxUserLogin login = this.users.findOrCreate(new WxIdentity(this.appid, "openid-1", null));

		assertThat(login.created()).isTrue();
		WxUser user = login.user();
		assertThat(UUID.fromString(user.id())).hasToString(user.id());
		assertThat(user.appid()).isEqualTo(this.appid);
		assertThat(user.openid()).isEqualTo("openid-1");
		assertThat(user.unionid()).isNull();
		assertThat(user.phoneNumber()).isNull();
		assertThat(user.nickname()).isNull();
		assertThat(user.createdAt()).isEqualTo(START.truncatedTo(ChronoUnit.MILLIS));
		assertThat(user.updatedAt()).isEqualTo(user.createdAt());
		assertThat(this.users.findById(user.id())).contains(user);
	}

	@Test
	void secondLoginFindsSameUser() {
		WxUser first = this.users.findOrCreate(new WxIdentity(this.appid, "openid-1", null)).user();
		this.clock.advance(Duration.ofMinutes(5));

		WxUserLogin second = this.users.findOrCreate(new WxIdentity(this.appid, "openid-1", null));

		assertThat(second.created()).isFalse();
		assertThat(second.user()).isEqualTo(first);
	}

	@Test
	void openidsDifferingOnlyInCaseAreDifferentUsers() {
		WxUser lower = this.users.findOrCreate(new WxIdentity(this.appid, "o6_bmjrptiSb", null)).user();
		WxUserLogin upper = this.users.findOrCreate(new WxIdentity(this.appid, "O6_BMJRPTISB", null));

		assertThat(upper.created()).isTrue();
		assertThat(upper.user().id()).isNotEqualTo(lower.id());
	}

	@Test
	void sameOpenidInAnotherMiniProgramIsAnotherUser() {
		WxUser here = this.users.findOrCreate(new WxIdentity(this.appid, "openid-1", null)).user();
		WxUserLogin there = this.users.findOrCreate(new WxIdentity(this.appid + "-other", "openid-1", null));

		assertThat(there.created()).isTrue();
		assertThat(there.user().id()).isNotEqualTo(here.id());
	}

	@Test
	void concurrentFirstLoginsOfOneOpenidCreateOneUser() throws Exception {
		List<WxUserLogin> logins = results(
				callConcurrently((caller) -> this.users.findOrCreate(new WxIdentity(this.appid, "openid-1", null))));

		assertThat(logins).extracting((login) -> login.user().id()).containsOnly(logins.get(0).user().id());
		assertThat(logins).filteredOn(WxUserLogin::created).hasSize(1);
	}

	@Test
	void loginRecordsUnionidOfUserWhoHadNone() {
		WxUser user = this.users.findOrCreate(new WxIdentity(this.appid, "openid-1", null)).user();
		this.clock.advance(Duration.ofSeconds(1));

		WxUserLogin login = this.users.findOrCreate(new WxIdentity(this.appid, "openid-1", "unionid-1"));

		assertThat(login.created()).isFalse();
		assertThat(login.user().unionid()).isEqualTo("unionid-1");
		assertThat(login.user().updatedAt()).isAfter(user.updatedAt());
		assertThat(this.users.findById(user.id())).contains(login.user());
		assertThat(findByUnionid(this.users, this.appid, "unionid-1")).contains(login.user());
	}

	@Test
	void loginKeepsUnionidAlreadyRecorded() {
		WxUser user = this.users.findOrCreate(new WxIdentity(this.appid, "openid-1", "unionid-1")).user();

		WxUserLogin login = this.users.findOrCreate(new WxIdentity(this.appid, "openid-1", "unionid-2"));

		assertThat(login.user()).isEqualTo(user);
		assertThat(findByUnionid(this.users, this.appid, "unionid-2")).isEmpty();
	}

	@Test
	void findByUnionidOnlyLooksInGivenMiniProgram() {
		this.users.findOrCreate(new WxIdentity(this.appid, "openid-1", "unionid-1"));

		assertThat(findByUnionid(this.users, this.appid + "-other", "unionid-1")).isEmpty();
	}

	@Test
	void bindPhoneStoresPhone() {
		WxUser user = this.users.findOrCreate(new WxIdentity(this.appid, "openid-1", null)).user();
		this.clock.advance(Duration.ofSeconds(1));

		WxUser bound = this.users.bindPhone(user.id(), PHONE);

		assertThat(bound.phoneNumber()).isEqualTo("13800138000");
		assertThat(bound.countryCode()).isEqualTo("86");
		assertThat(bound.createdAt()).isEqualTo(user.createdAt());
		assertThat(bound.updatedAt()).isAfter(user.updatedAt());
		assertThat(this.users.findById(user.id())).contains(bound);
	}

	@Test
	void phoneOfAnotherUserIsRefusedAndNeitherUserChanges() {
		WxUser owner = this.users.bindPhone(login("openid-1").id(), PHONE);
		WxUser other = this.users.bindPhone(login("openid-2").id(), OTHER_PHONE);
		this.clock.advance(Duration.ofSeconds(1));

		assertThatExceptionOfType(PhoneConflictException.class)
			.isThrownBy(() -> this.users.bindPhone(other.id(), PHONE));

		assertThat(this.users.findById(owner.id())).contains(owner);
		assertThat(this.users.findById(other.id())).contains(other);
	}

	@Test
	void samePhoneMayBeBoundInAnotherMiniProgram() {
		this.users.bindPhone(login("openid-1").id(), PHONE);
		WxUser elsewhere = this.users.findOrCreate(new WxIdentity(this.appid + "-other", "openid-1", null)).user();

		assertThat(this.users.bindPhone(elsewhere.id(), PHONE).phoneNumber()).isEqualTo(PHONE.phoneNumber());
	}

	@Test
	void concurrentBindsOfOnePhoneByDifferentUsersHaveOneWinner() throws Exception {
		List<String> userIds = new ArrayList<>();
		for (int i = 0; i < CONCURRENT_CALLERS; i++) {
			userIds.add(login("openid-" + i).id());
		}

		List<Future<WxUser>> binds = callConcurrently((caller) -> this.users.bindPhone(userIds.get(caller), PHONE));

		int won = 0;
		for (Future<WxUser> bind : binds) {
			try {
				bind.get();
				won++;
			}
			catch (ExecutionException ex) {
				assertThat(ex.getCause()).isInstanceOf(PhoneConflictException.class);
			}
		}
		assertThat(won).isOne();
		assertThat(userIds).map((id) -> this.users.findById(id).orElseThrow().phoneNumber())
			.filteredOn(PHONE.phoneNumber()::equals)
			.hasSize(1);
	}

	@Test
	void rebindingOwnPhoneSucceeds() {
		WxUser user = this.users.bindPhone(login("openid-1").id(), PHONE);
		this.clock.advance(Duration.ofSeconds(1));

		WxUser rebound = this.users.bindPhone(user.id(), PHONE);

		assertThat(rebound.phoneNumber()).isEqualTo(PHONE.phoneNumber());
		assertThat(rebound.updatedAt()).isAfter(user.updatedAt());
	}

	@Test
	void bindingNewPhoneReplacesAndFreesOldOne() {
		WxUser user = this.users.bindPhone(login("openid-1").id(), PHONE);

		assertThat(this.users.bindPhone(user.id(), OTHER_PHONE).phoneNumber()).isEqualTo(OTHER_PHONE.phoneNumber());

		WxUser other = login("openid-2");
		assertThat(this.users.bindPhone(other.id(), PHONE).phoneNumber()).isEqualTo(PHONE.phoneNumber());
	}

	@Test
	void updateProfileChangesOnlyGivenFields() {
		WxUser user = login("openid-1");
		this.users.updateProfile(user.id(), new WxProfile("Xiaoming", "https://example.com/a.png"));
		this.clock.advance(Duration.ofSeconds(1));

		WxUser updated = this.users.updateProfile(user.id(), new WxProfile(null, "https://example.com/b.png"));

		assertThat(updated.nickname()).isEqualTo("Xiaoming");
		assertThat(updated.avatarUrl()).isEqualTo("https://example.com/b.png");
		assertThat(updated.updatedAt()).isEqualTo(this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		assertThat(updated.createdAt()).isEqualTo(user.createdAt());
		assertThat(this.users.findById(user.id())).contains(updated);
	}

	@Test
	void emojiNicknameRoundTrips() {
		WxUser user = login("openid-1");
		String nickname = "小明😀🎉👨‍👩‍👧";

		this.users.updateProfile(user.id(), new WxProfile(nickname, null));

		assertThat(this.users.findById(user.id())).map(WxUser::nickname).contains(nickname);
	}

	@Test
	void unknownUserIsNotFound() {
		String unknown = UUID.randomUUID().toString();

		assertThat(this.users.findById(unknown)).isEmpty();
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> this.users.bindPhone(unknown, PHONE));
		assertThatExceptionOfType(NoSuchElementException.class)
			.isThrownBy(() -> this.users.updateProfile(unknown, new WxProfile("Xiaoming", null)));
	}

	protected final S users() {
		return this.users;
	}

	private WxUser login(String openid) {
		return this.users.findOrCreate(new WxIdentity(this.appid, openid, null)).user();
	}

	private static <T> List<Future<T>> callConcurrently(IntFunction<T> call) throws InterruptedException {
		ExecutorService executor = Executors.newFixedThreadPool(CONCURRENT_CALLERS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> calls = new ArrayList<>();
			for (int i = 0; i < CONCURRENT_CALLERS; i++) {
				int caller = i;
				calls.add(executor.submit(() -> {
					start.await();
					return call.apply(caller);
				}));
			}
			start.countDown();
			executor.shutdown();
			assertThat(executor.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
			return calls;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static <T> List<T> results(List<Future<T>> calls) throws Exception {
		List<T> results = new ArrayList<>();
		for (Future<T> call : calls) {
			results.add(call.get());
		}
		return results;
	}

}
