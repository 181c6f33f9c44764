package io.github.wxlogin.user;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxAccountException;
import io.github.wxlogin.WxAccountStore;
import io.github.wxlogin.WxAccountStore.WxPhoneSignIn;
import io.github.wxlogin.WxAccountStore.WxPhoneSignIn.Outcome;
import io.github.wxlogin.WxBan;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxLinkedIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxTenant;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.WxUserService.WxUserLogin;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The account rules every {@link WxAccountStore} of the starter keeps: an account owns any number of
 * WeChat identities and at most one phone, one identity belongs to one account and one phone to at most
 * one account, also under concurrent calls.
 *
 * @param <S> the user service under test
 */
abstract class WxAccountStoreContractTests<S extends WxAccountStore> extends WxUserServiceContractTests<S> {

	private WxIdentity identity(String openid) {
		return new WxIdentity(this.appid, openid, null);
	}

	private WxIdentity inOtherApp(String openid, @Nullable String unionid) {
		return new WxIdentity(this.appid + "-other", openid, unionid);
	}

	// (1) one identity belongs to exactly one account; one phone to at most one account

	@Test
	void identityOfAnotherAccountIsNotLinkedAndNothingChanges() {
		WxUser owner = login("openid-1");
		WxUser other = login("openid-2");

		assertThatExceptionOfType(WxAccountException.class)
			.isThrownBy(() -> users().linkIdentity(other.id(), identity("openid-1")))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(WxAccountException.Reason.IDENTITY_CONFLICT));

		assertThat(users().findByIdentity(this.appid, "openid-1")).contains(owner);
		assertThat(users().identities(other.id())).extracting(WxLinkedIdentity::openid).containsExactly("openid-2");
	}

	@Test
	void linkingAnIdentityTheAccountHasChangesNothing() {
		WxUser user = login("openid-1");

		WxAccount account = users().linkIdentity(user.id(), identity("openid-1"));

		assertThat(account.identities()).extracting(WxLinkedIdentity::openid).containsExactly("openid-1");
	}

	@Test
	void accountForAPhoneAnotherAccountHasIsRefused() {
		users().createAccount(phone(1));

		assertThatExceptionOfType(WxAccountException.class).isThrownBy(() -> users().createAccount(phone(1))).satisfies((refused) -> assertThat(refused.reason()).isEqualTo(WxAccountException.Reason.PHONE_CONFLICT));
	}

	@Test
	void concurrentLinksOfOneIdentityToTwoAccountsHaveOneWinner() throws Exception {
		String first = users().createAccount(phone(1)).id();
		String second = users().createAccount(phone(2)).id();

		List<Future<WxAccount>> links = callConcurrently(20,
				(caller) -> users().linkIdentity((caller % 2 == 0) ? first : second, identity("openid-1")));

		String owner = users().findByIdentity(this.appid, "openid-1").orElseThrow().id();
		for (Future<WxAccount> link : links) {
			try {
				assertThat(link.get().id()).isEqualTo(owner);
			}
			catch (ExecutionException ex) {
				assertThat(ex.getCause()).isInstanceOfSatisfying(WxAccountException.class,
						(refused) -> assertThat(refused.reason()).isEqualTo(WxAccountException.Reason.IDENTITY_CONFLICT));
			}
		}
		assertThat(users().identities(first).size() + users().identities(second).size()).isOne();
	}

	// (2) phone sign-in with a phone owned by Y and an unlinked identity: the identity joins Y

	@Test
	void phoneSignInOfANewIdentityLinksItToTheAccountThatOwnsThePhone() {
		WxAccount elsewhere = users().createAccount(phone(1));
		this.clock.advance(Duration.ofSeconds(1));

		WxPhoneSignIn signIn = users().signInWithPhone(identity("openid-1"), phone(1));

		assertThat(signIn.outcome()).isEqualTo(Outcome.LINKED);
		assertThat(signIn.user().id()).isEqualTo(elsewhere.id());
		assertThat(signIn.user().openid()).isEqualTo("openid-1");
		assertThat(signIn.user().phoneNumber()).isEqualTo(phone(1).phoneNumber());
		assertThat(users().identities(elsewhere.id())).singleElement()
			.satisfies((linked) -> assertThat(linked.linkedAt()).isEqualTo(this.clock.instant()
				.truncatedTo(ChronoUnit.MILLIS)));
		assertThat(users().findById(elsewhere.id())).contains(signIn.user());
	}

	@Test
	void phoneSignInInASecondMiniProgramJoinsTheAccountOfTheFirst() {
		WxUser first = users().bindPhone(login("openid-1").id(), phone(1));

		WxPhoneSignIn signIn = users().signInWithPhone(inOtherApp("openid-9", null), phone(1));

		assertThat(signIn.outcome()).isEqualTo(Outcome.LINKED);
		assertThat(signIn.user().id()).isEqualTo(first.id());
		assertThat(signIn.user().appid()).isEqualTo(this.appid + "-other");
		assertThat(users().identities(first.id())).extracting(WxLinkedIdentity::appid)
			.containsExactly(this.appid, this.appid + "-other");
	}

	// (3) the identity's account has no phone and nobody owns the phone: the phone is bound to it

	@Test
	void phoneSignInBindsAPhoneNobodyOwnsToTheIdentitysAccount() {
		WxUser user = login("openid-1");
		this.clock.advance(Duration.ofSeconds(1));

		WxPhoneSignIn signIn = users().signInWithPhone(identity("openid-1"), phone(1));

		assertThat(signIn.outcome()).isEqualTo(Outcome.BOUND);
		assertThat(signIn.user().id()).isEqualTo(user.id());
		assertThat(signIn.user().phoneNumber()).isEqualTo(phone(1).phoneNumber());
		assertThat(users().findByPhone(phone(1).phoneNumber())).map(WxAccount::phone).contains(phone(1));
	}

	@Test
	void phoneSignInWithTheAccountsOwnPhoneChangesNothing() {
		WxUser user = users().bindPhone(login("openid-1").id(), phone(1));
		this.clock.advance(Duration.ofSeconds(1));

		WxPhoneSignIn signIn = users().signInWithPhone(identity("openid-1"), phone(1));

		assertThat(signIn.outcome()).isEqualTo(Outcome.SIGNED_IN);
		assertThat(signIn.user()).isEqualTo(user);
	}

	@Test
	void phoneSignInOfANewIdentityWithANewPhoneCreatesAnAccountWithBoth() {
		WxPhoneSignIn signIn = users().signInWithPhone(identity("openid-1"), phone(1));

		assertThat(signIn.outcome()).isEqualTo(Outcome.CREATED);
		WxAccount account = users().findAccount(signIn.user().id()).orElseThrow();
		assertThat(account.phone()).isEqualTo(phone(1));
		assertThat(account.identities()).extracting(WxLinkedIdentity::openid).containsExactly("openid-1");
		assertThat(users().findOrCreate(identity("openid-1")).user()).isEqualTo(signIn.user());
	}

	// (4) the identity belongs to X and the phone to Y: a conflict, and nothing changes

	@Test
	void phoneSignInWhoseIdentityAndPhoneBelongToTwoAccountsIsAConflictAndChangesNothing() {
		WxUser identityOwner = login("openid-1");
		WxUser phoneOwner = users().bindPhone(login("openid-2").id(), phone(1));
		WxAccount identityAccount = users().findAccount(identityOwner.id()).orElseThrow();
		WxAccount phoneAccount = users().findAccount(phoneOwner.id()).orElseThrow();
		this.clock.advance(Duration.ofSeconds(1));

		assertThatExceptionOfType(WxAccountException.class)
			.isThrownBy(() -> users().signInWithPhone(new WxIdentity(this.appid, "openid-1", "unionid-1"), phone(1)))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(WxAccountException.Reason.IDENTITY_CONFLICT));

		assertThat(users().findAccount(identityOwner.id())).contains(identityAccount);
		assertThat(users().findAccount(phoneOwner.id())).contains(phoneAccount);
	}

	// (5) a unionid seen on a new identity links it to the account that already has that unionid

	@Test
	void newIdentityWithAKnownUnionidJoinsItsAccountAtLogin() {
		WxUser first = users().findOrCreate(new WxIdentity(this.appid, "openid-1", "unionid-1")).user();

		WxUserLogin second = users().findOrCreate(inOtherApp("openid-9", "unionid-1"));

		assertThat(second.created()).isFalse();
		assertThat(second.user().id()).isEqualTo(first.id());
		assertThat(second.user().appid()).isEqualTo(this.appid + "-other");
		assertThat(second.user().openid()).isEqualTo("openid-9");
		assertThat(users().identities(first.id())).hasSize(2);
	}

	@Test
	void newIdentityWithAKnownUnionidJoinsItsAccountAtPhoneSignInAndBindsThePhone() {
		WxUser first = users().findOrCreate(new WxIdentity(this.appid, "openid-1", "unionid-1")).user();

		WxPhoneSignIn signIn = users().signInWithPhone(inOtherApp("openid-9", "unionid-1"), phone(1));

		assertThat(signIn.outcome()).isEqualTo(Outcome.BOUND);
		assertThat(signIn.user().id()).isEqualTo(first.id());
		assertThat(users().findAccount(first.id()).orElseThrow().phone()).isEqualTo(phone(1));
		assertThat(users().identities(first.id())).hasSize(2);
	}

	// (6) concurrent phone sign-ins of one phone with different openids end in one account

	@Test
	void concurrentPhoneSignInsOfOnePhoneWithDifferentOpenidsEndInOneAccount() throws Exception {
		List<WxPhoneSignIn> signIns = results(
				callConcurrently(20, (caller) -> users().signInWithPhone(identity("openid-" + caller), phone(1))));

		String accountId = signIns.get(0).user().id();
		assertThat(signIns).extracting((signIn) -> signIn.user().id()).containsOnly(accountId);
		assertThat(signIns).filteredOn((signIn) -> signIn.outcome() == Outcome.CREATED).hasSize(1);
		assertThat(signIns).filteredOn((signIn) -> signIn.outcome() == Outcome.LINKED).hasSize(19);
		assertThat(users().identities(accountId)).hasSize(20);
		assertThat(users().findByPhone(phone(1).phoneNumber())).map(WxAccount::id).contains(accountId);
	}

	@Test
	void concurrentPhoneSignInsOfOneIdentityWithTwoPhonesLeaveOnePhone() throws Exception {
		WxUser user = login("openid-1");

		List<Future<WxPhoneSignIn>> signIns = callConcurrently(20,
				(caller) -> users().signInWithPhone(identity("openid-1"), phone(1 + caller % 2)));

		for (Future<WxPhoneSignIn> signIn : signIns) {
			assertThat(signIn.get().user().id()).isEqualTo(user.id());
		}
		WxPhone phone = users().findAccount(user.id()).orElseThrow().phone();
		assertThat(phone).isIn(phone(1), phone(2));
		assertThat(users().findByPhone(phone(1).phoneNumber()).isPresent())
			.isNotEqualTo(users().findByPhone(phone(2).phoneNumber()).isPresent());
	}

	@Test
	void aTokensUserIsSeenThroughTheTokensIdentity() {
		WxUser first = users().findOrCreate(new WxIdentity(this.appid, "openid-1", "unionid-1")).user();
		WxUser second = users().findOrCreate(inOtherApp("openid-9", "unionid-1")).user();

		assertThat(users().findByPrincipal(new WxPrincipal(first.id(), "openid-9", this.appid + "-other")))
			.contains(second);
		assertThat(users().findByPrincipal(new WxPrincipal(first.id(), "openid-1", this.appid))).contains(first);
		users().unlinkIdentity(first.id(), this.appid + "-other", "openid-9");
		assertThat(users().findByPrincipal(new WxPrincipal(first.id(), "openid-9", this.appid + "-other"))).isEmpty();
		assertThat(users().findByPrincipal(new WxPrincipal(UUID.randomUUID().toString(), "openid-1", this.appid)))
			.isEmpty();
	}

	// Linking API

	@Test
	void identitiesAreListedInTheOrderTheyWereLinked() {
		WxUser user = login("openid-1");
		this.clock.advance(Duration.ofSeconds(1));
		users().linkIdentity(user.id(), inOtherApp("openid-9", "unionid-9"));

		assertThat(users().identities(user.id())).extracting(WxLinkedIdentity::appid, WxLinkedIdentity::openid,
				WxLinkedIdentity::unionid)
			.containsExactly(tuple(this.appid, "openid-1", null),
					tuple(this.appid + "-other", "openid-9", "unionid-9"));
		assertThat(users().identities(user.id()).get(1).linkedAt()).isAfter(users().identities(user.id()).get(0).linkedAt());
		assertThat(users().findByIdentity(this.appid + "-other", "openid-9")).map(WxUser::id).contains(user.id());
	}

	@Test
	void lastIdentityOfAnAccountWithoutAPhoneIsNotUnlinked() {
		WxUser user = login("openid-1");

		assertThatExceptionOfType(WxAccountException.class)
			.isThrownBy(() -> users().unlinkIdentity(user.id(), this.appid, "openid-1"))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(WxAccountException.Reason.LAST_IDENTITY));

		assertThat(users().findByIdentity(this.appid, "openid-1")).contains(user);
	}

	@Test
	void lastIdentityOfAnAccountWithAPhoneIsUnlinked() {
		WxUser user = users().bindPhone(login("openid-1").id(), phone(1));

		WxAccount account = users().unlinkIdentity(user.id(), this.appid, "openid-1");

		assertThat(account.identities()).isEmpty();
		assertThat(users().findByIdentity(this.appid, "openid-1")).isEmpty();
		assertThat(users().signInWithPhone(identity("openid-1"), phone(1)).outcome()).isEqualTo(Outcome.LINKED);
	}

	@Test
	void oneOfTwoIdentitiesIsUnlinked() {
		WxUser user = login("openid-1");
		users().linkIdentity(user.id(), inOtherApp("openid-9", null));

		WxAccount account = users().unlinkIdentity(user.id(), this.appid + "-other", "openid-9");

		assertThat(account.identities()).extracting(WxLinkedIdentity::openid).containsExactly("openid-1");
		assertThat(users().findOrCreate(inOtherApp("openid-9", null)).created()).isTrue();
	}

	@Test
	void concurrentUnlinksOfTheLastTwoIdentitiesOfAnAccountWithoutAPhoneLeaveOne() throws Exception {
		WxUser user = login("openid-1");
		users().linkIdentity(user.id(), inOtherApp("openid-9", null));

		List<Future<WxAccount>> unlinks = callConcurrently(2, (caller) -> users().unlinkIdentity(user.id(),
				(caller == 0) ? this.appid : this.appid + "-other", (caller == 0) ? "openid-1" : "openid-9"));

		int refused = 0;
		for (Future<WxAccount> unlink : unlinks) {
			try {
				unlink.get();
			}
			catch (ExecutionException ex) {
				assertThat(ex.getCause()).isInstanceOfSatisfying(WxAccountException.class,
						(lastOne) -> assertThat(lastOne.reason()).isEqualTo(WxAccountException.Reason.LAST_IDENTITY));
				refused++;
			}
		}
		assertThat(refused).isOne();
		assertThat(users().identities(user.id())).hasSize(1);
	}

	@Test
	void identityOfAnotherAccountOrOfNoneIsNotUnlinked() {
		WxUser user = users().bindPhone(login("openid-1").id(), phone(1));
		login("openid-2");

		assertThatExceptionOfType(NoSuchElementException.class)
			.isThrownBy(() -> users().unlinkIdentity(user.id(), this.appid, "openid-2"));
		assertThatExceptionOfType(NoSuchElementException.class)
			.isThrownBy(() -> users().unlinkIdentity(user.id(), this.appid, "openid-3"));
		assertThat(users().findByIdentity(this.appid, "openid-2")).isPresent();
	}

	@Test
	void accountCreatedElsewhereIsFoundByPhone() {
		WxAccount account = users().createAccount(phone(1));

		assertThat(users().findByPhone(phone(1).phoneNumber())).contains(account);
		assertThat(account.identities()).isEmpty();
		assertThat(account.disabled()).isFalse();
		assertThat(users().findByPhone(phone(2).phoneNumber())).isEmpty();
	}

	@Test
	void disabledAccountIsDisabledUntilEnabled() {
		WxUser user = login("openid-1");
		assertThat(users().isDisabled(user.id())).isFalse();

		assertThat(users().disable(user.id()).disabled()).isTrue();
		assertThat(users().isDisabled(user.id())).isTrue();
		assertThat(users().findOrCreate(identity("openid-1")).user().id()).isEqualTo(user.id());

		assertThat(users().enable(user.id()).disabled()).isFalse();
		assertThat(users().isDisabled(user.id())).isFalse();
	}

	@Test
	void aTimedBanWithAReasonHoldsUntilItsEndAndThenLiftsItself() {
		WxUser user = login("openid-1");
		Instant until = this.clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);
		WxBan ban = new WxBan(until, "spam");

		WxAccount banned = users().disable(user.id(), ban);
		assertThat(banned.disabled()).isTrue();
		assertThat(banned.ban()).isEqualTo(ban);
		assertThat(users().findBan(user.id())).contains(ban);
		assertThat(users().findAccount(user.id())).hasValueSatisfying((account) -> assertThat(account.ban()).isEqualTo(ban));

		this.clock.advance(Duration.ofDays(3).minusMillis(1));
		assertThat(users().isDisabled(user.id())).isTrue();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(users().isDisabled(user.id())).isFalse();
		assertThat(users().findBan(user.id())).isEmpty();
		assertThat(users().findAccount(user.id())).hasValueSatisfying((account) -> {
			assertThat(account.disabled()).isFalse();
			assertThat(account.ban()).isNull();
		});
	}

	@Test
	void aBanWithoutEndKeepsItsReasonUntilEnabledAndABanAgainReplacesIt() {
		WxUser user = login("openid-1");
		users().disable(user.id(), new WxBan(null, "chargeback"));
		this.clock.advance(Duration.ofDays(365));
		assertThat(users().findBan(user.id())).contains(new WxBan(null, "chargeback"));

		users().disable(user.id());
		assertThat(users().findBan(user.id())).contains(WxBan.indefinite());

		users().enable(user.id());
		assertThat(users().findBan(user.id())).isEmpty();
	}

	// (7) tenants keep accounts apart: the rules hold inside a tenant, and two tenants never meet

	/** A mini program of a second tenant, of this test's own. */
	private WxIdentity inOtherTenant(String openid, @Nullable String unionid) {
		return new WxIdentity(this.appid + "-tenant", openid, unionid, otherTenant());
	}

	private String otherTenant() {
		return "tenant-" + this.appid;
	}

	@Test
	void accountsOfMiniProgramsThatNameNoTenantAreOfTheDefaultTenant() {
		WxUser user = login("openid-1");
		WxAccount created = users().createAccount(phone(1));

		assertThat(users().findAccount(user.id())).map(WxAccount::tenant).contains(WxTenant.DEFAULT);
		assertThat(created.tenant()).isEqualTo(WxTenant.DEFAULT);
		assertThat(users().findByPhone(WxTenant.DEFAULT, phone(1).phoneNumber())).contains(created);
		assertThat(users().findByPhone(phone(1).phoneNumber())).contains(created);
	}

	@Test
	void samePhoneInTwoTenantsSignsInToTwoAccountsThatNeverMeet() {
		WxPhoneSignIn here = users().signInWithPhone(identity("openid-1"), phone(1));

		WxPhoneSignIn there = users().signInWithPhone(inOtherTenant("openid-1", null), phone(1));

		assertThat(there.outcome()).isEqualTo(Outcome.CREATED);
		assertThat(there.user().id()).isNotEqualTo(here.user().id());
		WxAccount hereAccount = users().findByPhone(WxTenant.DEFAULT, phone(1).phoneNumber()).orElseThrow();
		WxAccount thereAccount = users().findByPhone(otherTenant(), phone(1).phoneNumber()).orElseThrow();
		assertThat(hereAccount.id()).isEqualTo(here.user().id());
		assertThat(thereAccount.id()).isEqualTo(there.user().id());
		assertThat(thereAccount.tenant()).isEqualTo(otherTenant());
		assertThat(thereAccount.identities()).extracting(WxLinkedIdentity::appid).containsExactly(this.appid + "-tenant");
		assertThat(hereAccount.identities()).extracting(WxLinkedIdentity::appid).containsExactly(this.appid);
	}

	@Test
	void phoneIsUniqueInsideItsTenantOnly() {
		WxAccount here = users().createAccount(phone(1));

		WxAccount there = users().createAccount(otherTenant(), phone(1));

		assertThat(there.id()).isNotEqualTo(here.id());
		assertThat(there.tenant()).isEqualTo(otherTenant());
		assertThatExceptionOfType(WxAccountException.class)
			.isThrownBy(() -> users().createAccount(otherTenant(), phone(1)))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(WxAccountException.Reason.PHONE_CONFLICT));
		WxUser other = users().findOrCreate(inOtherTenant("openid-2", null)).user();
		assertThatExceptionOfType(WxAccountException.class)
			.isThrownBy(() -> users().bindPhone(other.id(), phone(1)))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(WxAccountException.Reason.PHONE_CONFLICT));
		// The default tenant's number is free in the other tenant, and the other way round
		assertThat(users().bindPhone(other.id(), phone(2)).phoneNumber()).isEqualTo(phone(2).phoneNumber());
		assertThat(users().bindPhone(login("openid-3").id(), phone(2)).phoneNumber()).isEqualTo(phone(2).phoneNumber());
	}

	@Test
	void sameUnionidInTwoTenantsIsTwoAccounts() {
		WxUser here = users().findOrCreate(new WxIdentity(this.appid, "openid-1", "unionid-1")).user();

		WxUserLogin there = users().findOrCreate(inOtherTenant("openid-9", "unionid-1"));

		assertThat(there.created()).isTrue();
		assertThat(there.user().id()).isNotEqualTo(here.id());
		assertThat(users().findAccount(there.user().id())).map(WxAccount::tenant).contains(otherTenant());
		assertThat(users().identities(here.id())).hasSize(1);
		// ... and inside the second tenant, the unionid joins its own account
		WxUserLogin joined = users().findOrCreate(new WxIdentity(this.appid + "-tenant2", "openid-8", "unionid-1",
				otherTenant()));
		assertThat(joined.created()).isFalse();
		assertThat(joined.user().id()).isEqualTo(there.user().id());
	}

	@Test
	void phoneSignInJoinsByUnionidAndFindsThePhoneInsideItsTenantOnly() {
		WxUser here = users().bindPhone(
				users().findOrCreate(new WxIdentity(this.appid, "openid-1", "unionid-1")).user().id(), phone(1));

		WxPhoneSignIn there = users().signInWithPhone(inOtherTenant("openid-9", "unionid-1"), phone(1));

		assertThat(there.outcome()).isEqualTo(Outcome.CREATED);
		assertThat(there.user().id()).isNotEqualTo(here.id());
		assertThat(users().identities(here.id())).hasSize(1);
	}

	@Test
	void identityOfAnotherTenantIsNotLinkedAndNothingChanges() {
		WxUser user = login("openid-1");
		WxAccount before = users().findAccount(user.id()).orElseThrow();

		assertThatIllegalArgumentException()
			.isThrownBy(() -> users().linkIdentity(user.id(), inOtherTenant("openid-9", null)))
			.withMessageContaining(otherTenant());

		assertThat(users().findAccount(user.id())).contains(before);
		assertThat(users().findByIdentity(this.appid + "-tenant", "openid-9")).isEmpty();
		WxAccount there = users().createAccount(otherTenant(), phone(1));
		assertThat(users().linkIdentity(there.id(), inOtherTenant("openid-9", null)).identities())
			.extracting(WxLinkedIdentity::openid).containsExactly("openid-9");
	}

	@Test
	void unknownAccountIsNotFoundAndNotDisabled() {
		String unknown = UUID.randomUUID().toString();

		assertThat(users().findAccount(unknown)).isEmpty();
		assertThat(users().isDisabled(unknown)).isFalse();
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> users().disable(unknown));
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> users().identities(unknown));
		assertThatExceptionOfType(NoSuchElementException.class)
			.isThrownBy(() -> users().linkIdentity(unknown, identity("openid-1")));
	}

}
