package io.github.wxlogin.user;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxAccountException;
import io.github.wxlogin.WxAccountStore;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxLinkedIdentity;
import io.github.wxlogin.WxUser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The account lifecycle every {@link WxAccountStore} of the starter keeps: a merge moves every identity of
 * one account into another at once or not at all, and a deletion is pending until cancelled or purged,
 * never both, also under concurrent calls.
 *
 * @param <S> the user service under test
 */
abstract class WxAccountLifecycleContractTests<S extends WxAccountStore> extends WxUserServiceContractTests<S> {

	private WxIdentity in(String app, String openid, @Nullable String unionid) {
		return new WxIdentity(this.appid + app, openid, unionid);
	}

	/** The account that owns a phone, signed in from a second mini program. */
	private WxUser phoneOwner(String openid) {
		return users().bindPhone(users().findOrCreate(in("-other", openid, null)).user().id(), phone(1));
	}

	private static void assertRefusedAs(WxAccountException.Reason reason, Runnable call) {
		assertThatExceptionOfType(WxAccountException.class).isThrownBy(call::run)
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(reason));
	}

	// Merge

	@Test
	void mergeMovesEveryIdentityIntoTheOtherAccountAndTheFirstIsGone() {
		WxUser from = login("openid-1");
		WxUser into = phoneOwner("openid-9");
		this.clock.advance(Duration.ofSeconds(1));

		WxAccount merged = users().merge(from.id(), into.id());

		assertThat(merged.id()).isEqualTo(into.id());
		assertThat(merged.phone()).isEqualTo(phone(1));
		assertThat(merged.identities()).extracting(WxLinkedIdentity::openid).containsExactly("openid-1", "openid-9");
		assertThat(users().findAccount(from.id())).isEmpty();
		assertThat(users().findByIdentity(this.appid, "openid-1")).map(WxUser::id).contains(into.id());
		assertThat(users().findOrCreate(in("", "openid-1", null)).created()).isFalse();
		assertThat(users().findByPhone(phone(1).phoneNumber())).map(WxAccount::id).contains(into.id());
	}

	@Test
	void mergeOfAnAccountWithAPhoneOfItsOwnIsRefusedAndChangesNothing() {
		WxUser from = users().bindPhone(login("openid-1").id(), phone(2));
		WxUser into = phoneOwner("openid-9");
		WxAccount fromBefore = users().findAccount(from.id()).orElseThrow();
		WxAccount intoBefore = users().findAccount(into.id()).orElseThrow();

		assertRefusedAs(WxAccountException.Reason.MERGE_CONFLICT, () -> users().merge(from.id(), into.id()));

		assertThat(users().findAccount(from.id())).contains(fromBefore);
		assertThat(users().findAccount(into.id())).contains(intoBefore);
	}

	@Test
	void twoWeChatUsersOfOneMiniProgramMergeIntoOneAccount() {
		// unionids of this test's own: a unionid is unique across the tenant, and other tests share it
		String unionid = "unionid-" + this.appid;
		WxUser from = users().findOrCreate(in("", "openid-1", unionid)).user();
		WxUser into = users().bindPhone(users().findOrCreate(in("", "openid-2", unionid + "-2")).user().id(), phone(1));

		users().merge(from.id(), into.id());

		assertThat(users().identities(into.id())).extracting(WxLinkedIdentity::openid)
			.containsExactlyInAnyOrder("openid-1", "openid-2");
		// each WeChat user still signs in to the one account
		assertThat(users().findOrCreate(in("", "openid-1", unionid)).user().id()).isEqualTo(into.id());
		assertThat(users().findOrCreate(in("-other", "openid-9", unionid)).user().id()).isEqualTo(into.id());
	}

	@Test
	void mergeAcrossTenantsOrIntoItselfIsRefused() {
		WxUser from = login("openid-1");
		WxUser elsewhere = users().findOrCreate(new WxIdentity(this.appid + "-tenant", "openid-1", null,
				"tenant-" + this.appid)).user();

		assertRefusedAs(WxAccountException.Reason.MERGE_CONFLICT, () -> users().merge(from.id(), elsewhere.id()));
		assertRefusedAs(WxAccountException.Reason.MERGE_CONFLICT, () -> users().merge(from.id(), from.id()));
	}

	@Test
	void mergeOfAnUnknownAccountIsRefused() {
		WxUser into = phoneOwner("openid-9");

		assertThatExceptionOfType(NoSuchElementException.class)
			.isThrownBy(() -> users().merge(UUID.randomUUID().toString(), into.id()));
	}

	@Test
	void concurrentMergesAndLoginsOfBothAccountsLeaveOneAccount() throws Exception {
		WxUser from = login("openid-1");
		WxUser into = phoneOwner("openid-9");

		List<Future<Object>> calls = callConcurrently(24, (caller) -> switch (caller % 4) {
			case 0 -> users().merge(from.id(), into.id());
			case 1 -> users().findOrCreate(in("", "openid-1", null)).user();
			case 2 -> users().findOrCreate(in("-other", "openid-9", null)).user();
			default -> users().signInWithPhone(in("-other", "openid-9", null), phone(1)).user();
		});

		int merges = 0;
		for (int caller = 0; caller < calls.size(); caller++) {
			try {
				Object result = calls.get(caller).get();
				merges += (caller % 4 == 0) ? 1 : 0;
				if (result instanceof WxUser user) {
					assertThat(user.id()).isIn(from.id(), into.id());
				}
			}
			catch (ExecutionException ex) {
				// only a merge that came after the first finds the account merged away gone
				assertThat(caller % 4).isZero();
				assertThat(ex.getCause()).isInstanceOf(NoSuchElementException.class);
			}
		}
		assertThat(merges).isOne();
		assertThat(users().findAccount(from.id())).isEmpty();
		WxAccount merged = users().findAccount(into.id()).orElseThrow();
		assertThat(merged.identities()).extracting(WxLinkedIdentity::openid)
			.containsExactlyInAnyOrder("openid-1", "openid-9");
		assertThat(merged.phone()).isEqualTo(phone(1));
		assertThat(users().findByIdentity(this.appid, "openid-1")).map(WxUser::id).contains(into.id());
	}

	@Test
	void concurrentMergesOfSeveralAccountsIntoOneAllLand() throws Exception {
		WxUser into = phoneOwner("openid-9");
		List<String> from = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			from.add(users().findOrCreate(in("-" + i, "openid-" + i, null)).user().id());
		}

		results(callConcurrently(from.size(), (caller) -> users().merge(from.get(caller), into.id())));

		assertThat(users().identities(into.id())).hasSize(from.size() + 1);
		from.forEach((id) -> assertThat(users().findAccount(id)).isEmpty());
	}

	// Deletion

	@Test
	void deletionIsPendingUntilCancelled() {
		WxUser user = login("openid-1");
		Instant purgeAt = this.clock.instant().plus(Duration.ofDays(7));

		users().scheduleDeletion(user.id(), purgeAt);

		assertThat(users().deletionScheduledAt(user.id())).contains(millis(purgeAt));
		assertThat(users().findByIdentity(this.appid, "openid-1")).isPresent();
		assertThat(users().cancelDeletion(user.id())).isTrue();
		assertThat(users().deletionScheduledAt(user.id())).isEmpty();
		assertThat(users().cancelDeletion(user.id())).isFalse();
		assertThat(users().purge(user.id(), purgeAt.plusSeconds(1))).isEmpty();
		assertThat(users().findAccount(user.id())).isPresent();
	}

	@Test
	void deletionOfAnUnknownAccountIsRefused() {
		assertThatExceptionOfType(NoSuchElementException.class)
			.isThrownBy(() -> users().scheduleDeletion(UUID.randomUUID().toString(), this.clock.instant()));
	}

	@Test
	void purgeWaitsForItsTime() {
		WxUser user = login("openid-1");
		Instant purgeAt = this.clock.instant().plus(Duration.ofDays(7));
		users().scheduleDeletion(user.id(), purgeAt);

		assertThat(users().purge(user.id(), purgeAt.minusSeconds(1))).isEmpty();

		assertThat(users().deletionsDue(purgeAt.minusSeconds(1), 1000)).doesNotContain(user.id());
		assertThat(users().deletionsDue(purgeAt, 1000)).contains(user.id());
		assertThat(users().findAccount(user.id())).isPresent();
	}

	@Test
	void purgeReleasesIdentitiesAndPhoneAndIsRememberedUntilForgotten() {
		WxUser user = users().bindPhone(login("openid-1").id(), phone(1));
		users().updateProfile(user.id(), new io.github.wxlogin.WxProfile("Xiaoming", "https://example.com/a.png"));
		Instant purgeAt = this.clock.instant();
		users().scheduleDeletion(user.id(), purgeAt);

		Optional<WxAccount> purged = users().purge(user.id(), purgeAt);

		assertThat(purged).hasValueSatisfying((account) -> {
			assertThat(account.id()).isEqualTo(user.id());
			assertThat(account.avatarUrl()).isEqualTo("https://example.com/a.png");
			assertThat(account.phone()).isNull();
			assertThat(account.nickname()).isNull();
			assertThat(account.identities()).isEmpty();
		});
		assertThat(users().findAccount(user.id())).isEmpty();
		assertThat(users().findById(user.id())).isEmpty();
		assertThat(users().findByIdentity(this.appid, "openid-1")).isEmpty();
		assertThat(users().findByPhone(phone(1).phoneNumber())).isEmpty();
		assertThat(users().cancelDeletion(user.id())).isFalse();
		assertThat(users().deletionScheduledAt(user.id())).isEmpty();
		// Interrupted before it was forgotten: the next run finds it and gets the same again
		assertThat(users().deletionsDue(purgeAt, 1000)).contains(user.id());
		assertThat(users().purge(user.id(), purgeAt)).isEqualTo(purged);
		users().forgetDeletion(user.id());
		assertThat(users().deletionsDue(purgeAt, 1000)).doesNotContain(user.id());
		assertThat(users().purge(user.id(), purgeAt)).isEmpty();
		// The same WeChat user and phone make a new account
		WxUser again = users().findOrCreate(in("", "openid-1", null)).user();
		assertThat(again.id()).isNotEqualTo(user.id());
		assertThat(users().bindPhone(again.id(), phone(1)).phoneNumber()).isEqualTo(phone(1).phoneNumber());
	}

	@Test
	void concurrentCancelAndPurgeLeaveTheAccountOrNothingNeverBoth() throws Exception {
		for (int round = 0; round < 10; round++) {
			WxUser user = users().bindPhone(login("openid-" + round).id(), phone(round + 1));
			Instant purgeAt = this.clock.instant();
			users().scheduleDeletion(user.id(), purgeAt);

			List<Object> outcomes = results(callConcurrently(2,
					(caller) -> (caller == 0) ? users().purge(user.id(), purgeAt) : users().cancelDeletion(user.id())));

			boolean purged = ((Optional<?>) outcomes.get(0)).isPresent();
			boolean cancelled = (Boolean) outcomes.get(1);
			assertThat(purged).isNotEqualTo(cancelled);
			assertThat(users().findAccount(user.id()).isPresent()).isEqualTo(cancelled);
			assertThat(users().findByPhone(phone(round + 1).phoneNumber()).isPresent()).isEqualTo(cancelled);
			users().forgetDeletion(user.id());
		}
	}

	@Test
	void deletionOfAnAccountMergedAwayPurgesNothing() {
		WxUser from = login("openid-1");
		WxUser into = phoneOwner("openid-9");
		users().scheduleDeletion(from.id(), this.clock.instant());

		users().merge(from.id(), into.id());

		assertThat(users().purge(from.id(), this.clock.instant())).isEmpty();
		assertThat(users().deletionsDue(this.clock.instant(), 1000)).doesNotContain(from.id());
		assertThat(users().identities(into.id())).hasSize(2);
	}

	private static Instant millis(Instant instant) {
		return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
	}

}
