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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import io.github.wxlogin.WxAccountException;
import io.github.wxlogin.WxAccountStore;
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
abstract class WxUserServiceContractTests<S extends WxAccountStore> {

	private static final int CONCURRENT_CALLERS = 32;

	private static final Instant START = Instant.parse("2025-03-01T08:00:00.123456789Z");

	protected SettableClock clock = new SettableClock(START);

	protected String appid = "";

	/**
	 * The first seven digits of the phone numbers of this test: a phone belongs to one account across
	 * mini programs, so runs against a shared database each use numbers of their own.
	 */
	protected String phoneStem = "";

	private WxPhone phone = new WxPhone("", "", "");

	private WxPhone otherPhone = new WxPhone("", "", "");

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
		this.phoneStem = "1" + (300000 + ThreadLocalRandom.current().nextInt(700000));
		this.phone = phone(1);
		this.otherPhone = phone(2);
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

		WxUser bound = this.users.bindPhone(user.id(), this.phone);

		assertThat(bound.phoneNumber()).isEqualTo(this.phone.phoneNumber());
		assertThat(bound.countryCode()).isEqualTo("86");
		assertThat(bound.createdAt()).isEqualTo(user.createdAt());
		assertThat(bound.updatedAt()).isAfter(user.updatedAt());
		assertThat(this.users.findById(user.id())).contains(bound);
	}

	@Test
	void phoneOfAnotherUserIsRefusedAndNeitherUserChanges() {
		WxUser owner = this.users.bindPhone(login("openid-1").id(), this.phone);
		WxUser other = this.users.bindPhone(login("openid-2").id(), this.otherPhone);
		this.clock.advance(Duration.ofSeconds(1));

		assertThatExceptionOfType(WxAccountException.class)
			.isThrownBy(() -> this.users.bindPhone(other.id(), this.phone))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(WxAccountException.Reason.PHONE_CONFLICT));

		assertThat(this.users.findById(owner.id())).contains(owner);
		assertThat(this.users.findById(other.id())).contains(other);
	}

	@Test
	void phoneOfAUserOfAnotherMiniProgramIsRefused() {
		WxUser owner = this.users.bindPhone(login("openid-1").id(), this.phone);
		WxUser elsewhere = this.users.findOrCreate(new WxIdentity(this.appid + "-other", "openid-1", null)).user();

		// a phone belongs to one account across mini programs
		assertThatExceptionOfType(WxAccountException.class)
			.isThrownBy(() -> this.users.bindPhone(elsewhere.id(), this.phone))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(WxAccountException.Reason.PHONE_CONFLICT));

		assertThat(this.users.findById(owner.id())).contains(owner);
		assertThat(this.users.findById(elsewhere.id())).contains(elsewhere);
	}

	@Test
	void concurrentBindsOfOnePhoneByDifferentUsersHaveOneWinner() throws Exception {
		List<String> userIds = new ArrayList<>();
		for (int i = 0; i < CONCURRENT_CALLERS; i++) {
			userIds.add(login("openid-" + i).id());
		}

		List<Future<WxUser>> binds = callConcurrently((caller) -> this.users.bindPhone(userIds.get(caller), this.phone));

		int won = 0;
		for (Future<WxUser> bind : binds) {
			try {
				bind.get();
				won++;
			}
			catch (ExecutionException ex) {
				assertThat(ex.getCause()).isInstanceOfSatisfying(WxAccountException.class,
						(refused) -> assertThat(refused.reason()).isEqualTo(WxAccountException.Reason.PHONE_CONFLICT));
			}
		}
		assertThat(won).isOne();
		assertThat(userIds).map((id) -> this.users.findById(id).orElseThrow().phoneNumber())
			.filteredOn(this.phone.phoneNumber()::equals)
			.hasSize(1);
	}

	@Test
	void rebindingOwnPhoneSucceeds() {
		WxUser user = this.users.bindPhone(login("openid-1").id(), this.phone);
		this.clock.advance(Duration.ofSeconds(1));

		WxUser rebound = this.users.bindPhone(user.id(), this.phone);

		assertThat(rebound.phoneNumber()).isEqualTo(this.phone.phoneNumber());
		assertThat(rebound.updatedAt()).isAfter(user.updatedAt());
	}

	@Test
	void bindingNewPhoneReplacesAndFreesOldOne() {
		WxUser user = this.users.bindPhone(login("openid-1").id(), this.phone);

		assertThat(this.users.bindPhone(user.id(), this.otherPhone).phoneNumber()).isEqualTo(this.otherPhone.phoneNumber());

		WxUser other = login("openid-2");
		assertThat(this.users.bindPhone(other.id(), this.phone).phoneNumber()).isEqualTo(this.phone.phoneNumber());
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
	void updateProfileWithNoAvatarRemovesTheAvatarOnly() {
		WxUser user = login("openid-1");
		this.users.updateProfile(user.id(), new WxProfile("Xiaoming", "https://example.com/a.png"));

		WxUser updated = this.users.updateProfile(user.id(), WxProfile.removingAvatar());

		assertThat(updated.avatarUrl()).isNull();
		assertThat(updated.nickname()).isEqualTo("Xiaoming");
		assertThat(this.users.findById(user.id())).map(WxUser::avatarUrl).isEmpty();
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
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> this.users.bindPhone(unknown, this.phone));
		assertThatExceptionOfType(NoSuchElementException.class)
			.isThrownBy(() -> this.users.updateProfile(unknown, new WxProfile("Xiaoming", null)));
	}

	protected final S users() {
		return this.users;
	}

	/**
	 * A phone number of this test.
	 * @param n which one, from 1 to 999
	 * @return the number
	 */
	protected final WxPhone phone(int n) {
		String number = this.phoneStem + String.format("%04d", n);
		return new WxPhone(number, number, "86");
	}

	protected final WxUser login(String openid) {
		return this.users.findOrCreate(new WxIdentity(this.appid, openid, null)).user();
	}

	private static <T> List<Future<T>> callConcurrently(IntFunction<T> call) throws InterruptedException {
		return callConcurrently(CONCURRENT_CALLERS, call);
	}

	protected static <T> List<Future<T>> callConcurrently(int callers, IntFunction<T> call)
			throws InterruptedException {
		ExecutorService executor = Executors.newFixedThreadPool(callers);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> calls = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
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

	protected static <T> List<T> results(List<Future<T>> calls) throws Exception {
		List<T> results = new ArrayList<>();
		for (Future<T> call : calls) {
			results.add(call.get());
		}
		return results;
	}

}
