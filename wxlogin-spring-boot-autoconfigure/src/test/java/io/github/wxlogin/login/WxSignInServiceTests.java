package io.github.wxlogin.login;

import java.util.List;

import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxLinkedIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.event.WxLoginAuditEvent;
import io.github.wxlogin.event.WxLoginAuditEvent.Action;
import io.github.wxlogin.event.WxNewUserEvent;
import io.github.wxlogin.event.WxNewUserEvent.Method;
import io.github.wxlogin.login.WxLoginException.Reason;
import io.github.wxlogin.session.WxLoginOrigin;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.FakeWeChatServerExtension;
import io.github.wxlogin.test.PhoneLoginCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sign-in use case without Spring: silent and phone-number logins against the fake WeChat server, the
 * account rules as a login sees them, refresh, logout, and the events a host listens to.
 */
class WxSignInServiceTests {

	@RegisterExtension
	static final FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private LoginUseCases useCases;

	private WxSignInService signIn;

	private WxAccountManager manager;

	@BeforeAll
	static void serveTwoMiniPrograms() {
		LoginUseCases.addOtherApp(wechat.server());
	}

	@BeforeEach
	void setUp() {
		this.useCases = new LoginUseCases(wechat.server());
		this.signIn = this.useCases.signIn();
		this.manager = this.useCases.manager();
	}

	private SignedIn login(String openid) {
		return this.signIn.signIn(new SignInRequest(this.useCases.fake.issueLoginCode(openid), null));
	}

	private SignedIn phoneLogin(String openid, String phoneNumber) {
		PhoneLoginCodes codes = this.useCases.fake.issuePhoneLoginCodes(openid, phoneNumber);
		return phoneLogin(codes);
	}

	private SignedIn phoneLogin(PhoneLoginCodes codes) {
		return this.signIn.signInWithPhone(
				new PhoneSignInRequest(codes.loginCode(), codes.phoneCode(), codes.appid(), WxLoginOrigin.UNKNOWN));
	}

	private static void assertRefused(Executable call, Reason reason) {
		assertThatExceptionOfType(WxLoginException.class).isThrownBy(call::execute)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	private WxAccount account(String userId) {
		return this.manager.findAccount(userId).orElseThrow();
	}

	@Test
	void firstLoginCreatesAnAccountAndTheNextFindsIt() {
		SignedIn first = login("openid-1");
		SignedIn again = login("openid-1");
		assertThat(first.newUser()).isTrue();
		assertThat(again.newUser()).isFalse();
		assertThat(again.user().id()).isEqualTo(first.user().id());
		assertThat(first.tokens().accessToken()).isNotBlank();
		assertThat(this.useCases.sessionKeys.find(this.useCases.app.appid(), "openid-1"))
			.contains(this.useCases.fake.sessionKeyOf("openid-1"));
	}

	@Test
	void aLoginThatCreatesAnAccountPublishesOneNewUserEventAfterItsAuditEvent() {
		SignedIn first = login("openid-events-1");
		login("openid-events-1");
		assertThat(this.useCases.events(WxNewUserEvent.class)).singleElement().satisfies((event) -> {
			assertThat(event.accountId()).isEqualTo(first.user().id());
			assertThat(event.appid()).isEqualTo(this.useCases.app.appid());
			assertThat(event.openid()).isEqualTo("ope****s-1").doesNotContain("openid-events-1");
			assertThat(event.method()).isEqualTo(Method.LOGIN);
		});
		assertThat(this.useCases.events.get(0)).isInstanceOf(WxLoginAuditEvent.class);
		assertThat(this.useCases.events.get(1)).isInstanceOf(WxNewUserEvent.class);
	}

	@Test
	void aPhoneLoginThatCreatesAnAccountPublishesANewUserEventOfAPhoneLogin() {
		SignedIn signedIn = phoneLogin("openid-events-2", "13800138002");
		assertThat(signedIn.newUser()).isTrue();
		assertThat(this.useCases.events(WxNewUserEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.method()).isEqualTo(Method.PHONE_LOGIN));
	}

	@Test
	void refusedLoginsAndRefreshesPublishNoNewUser() {
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.signIn.signIn(new SignInRequest("never-issued", null)));
		SignedIn signedIn = login("openid-events-3");
		this.useCases.events.clear();
		this.signIn.refresh(signedIn.tokens().refreshToken());
		assertThat(this.useCases.events(WxNewUserEvent.class)).isEmpty();
		assertThat(this.useCases.events(WxLoginAuditEvent.class)).extracting(WxLoginAuditEvent::action)
			.containsExactly(Action.REFRESH);
	}

	@Test
	void phoneLoginOfANewUserWithANewPhoneCreatesAnAccountWithBoth() {
		SignedIn signedIn = phoneLogin("openid-2", "13800138010");
		WxAccount account = account(signedIn.user().id());
		assertThat(account.phone()).extracting(WxPhone::purePhoneNumber).isEqualTo("13800138010");
		assertThat(account.identities()).extracting(WxLinkedIdentity::openid).containsExactly("openid-2");
	}

	@Test
	void phoneLoginLinksTheIdentityToTheAccountThatOwnsThePhone() {
		WxAccount known = this.manager.createAccount(new WxPhone("13800138011", "13800138011", "86"));
		SignedIn signedIn = phoneLogin("openid-3", "13800138011");
		assertThat(signedIn.newUser()).isFalse();
		assertThat(signedIn.user().id()).isEqualTo(known.id());
		assertThat(account(known.id()).identities()).extracting(WxLinkedIdentity::openid)
			.containsExactly("openid-3");
		assertThat(this.useCases.events(WxNewUserEvent.class)).isEmpty();
	}

	@Test
	void phoneLoginInASecondMiniProgramJoinsTheAccountOfTheFirst() {
		SignedIn first = phoneLogin("openid-4", "13800138012");
		SignedIn second = phoneLogin(
				this.useCases.fake.issuePhoneLoginCodes(LoginUseCases.OTHER_APPID, "openid-4-b", null, "13800138012"));
		assertThat(second.user().id()).isEqualTo(first.user().id());
		assertThat(second.user().appid()).isEqualTo(LoginUseCases.OTHER_APPID);
		assertThat(account(first.user().id()).identities()).extracting(WxLinkedIdentity::appid)
			.containsExactly(this.useCases.app.appid(), LoginUseCases.OTHER_APPID);
	}

	@Test
	void phoneLoginBindsThePhoneToTheAccountOfAnIdentityWithoutOne() {
		SignedIn silent = login("openid-5");
		SignedIn signedIn = phoneLogin("openid-5", "13800138013");
		assertThat(signedIn.user().id()).isEqualTo(silent.user().id());
		assertThat(signedIn.newUser()).isFalse();
		assertThat(account(silent.user().id()).phone()).extracting(WxPhone::purePhoneNumber)
			.isEqualTo("13800138013");
	}

	@Test
	void phoneLoginWithIdentityAndPhoneOfTwoAccountsChangesNothing() {
		SignedIn owner = phoneLogin("openid-6", "13800138014");
		SignedIn other = login("openid-7");
		this.useCases.events.clear();
		assertRefused(() -> phoneLogin("openid-7", "13800138014"), Reason.IDENTITY_CONFLICT);
		assertThat(account(owner.user().id()).identities()).extracting(WxLinkedIdentity::openid)
			.containsExactly("openid-6");
		assertThat(account(other.user().id()).phone()).isNull();
		assertThat(account(other.user().id()).identities()).extracting(WxLinkedIdentity::openid)
			.containsExactly("openid-7");
		assertThat(this.useCases.events(WxLoginAuditEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.outcome()).isEqualTo("identity_conflict"));
	}

	@Test
	void aKnownUnionidLinksANewIdentityToItsAccount() {
		String first = this.signIn
			.signIn(new SignInRequest(this.useCases.fake.issueLoginCode(this.useCases.app.appid(), "openid-8",
					"unionid-8"), null))
			.user()
			.id();
		SignedIn second = this.signIn.signIn(new SignInRequest(
				this.useCases.fake.issueLoginCode(LoginUseCases.OTHER_APPID, "openid-8-b", "unionid-8"),
				LoginUseCases.OTHER_APPID));
		assertThat(second.newUser()).isFalse();
		assertThat(second.user().id()).isEqualTo(first);
		assertThat(account(first).identities()).hasSize(2);
	}

	@Test
	void aLoginWithoutAppidIsForTheDefaultMiniProgramAndAnUnknownAppidIsRefused() {
		SignedIn signedIn = login("openid-9");
		assertThat(signedIn.user().appid()).isEqualTo(this.useCases.app.appid());
		String code = this.useCases.fake.issueLoginCode("openid-9");
		assertRefused(() -> this.signIn.signIn(new SignInRequest(code, "wx-not-served")), Reason.UNKNOWN_APP);
		assertThat(this.useCases.fake.callCount(Api.CODE2SESSION)).isEqualTo(1);
	}

	@Test
	void disabledAccountCannotLogIn() {
		SignedIn signedIn = login("openid-10");
		this.manager.disable(signedIn.user().id());
		assertRefused(() -> login("openid-10"), Reason.ACCOUNT_DISABLED);
	}

	@Test
	void disabledAccountCannotRefresh() {
		SignedIn signedIn = login("openid-11");
		// Disabled in the store alone, so that its sessions have not ended: the refresh itself refuses it
		this.useCases.users.disable(signedIn.user().id());
		assertRefused(() -> this.signIn.refresh(signedIn.tokens().refreshToken()), Reason.ACCOUNT_DISABLED);
		this.useCases.users.enable(signedIn.user().id());
		assertThat(this.signIn.refresh(signedIn.tokens().refreshToken()).user().id())
			.isEqualTo(signedIn.user().id());
	}

	@Test
	void disabledAccountsPhoneLoginIsRefusedBeforeThePhoneCodeIsSpent() {
		SignedIn signedIn = login("openid-12");
		this.manager.disable(signedIn.user().id());
		PhoneLoginCodes codes = this.useCases.fake.issuePhoneLoginCodes("openid-12", "13800138015");
		assertRefused(() -> phoneLogin(codes), Reason.ACCOUNT_DISABLED);
		assertThat(this.useCases.fake.callCount(Api.PHONE_NUMBER)).isZero();
		assertThat(account(signedIn.user().id()).phone()).isNull();
	}

	@Test
	void disablingEndsTheAccountsSessions() {
		SignedIn signedIn = login("openid-13");
		this.manager.disable(signedIn.user().id());
		this.manager.enable(signedIn.user().id());
		assertRefused(() -> this.signIn.refresh(signedIn.tokens().refreshToken()), Reason.INVALID_REFRESH_TOKEN);
	}

	@Test
	void authenticateFindsOrCreatesTheAccountAndPublishesItsEventsButStartsNoSession() {
		SignedInUser first = this.signIn
			.authenticate(new SignInRequest(this.useCases.fake.issueLoginCode("openid-own-issuer"), null));
		SignedIn again = login("openid-own-issuer");
		assertThat(first.newUser()).isTrue();
		assertThat(again.user().id()).isEqualTo(first.user().id());
		assertThat(first.principal()).isEqualTo(new WxPrincipal(first.user().id(), "openid-own-issuer",
				this.useCases.app.appid(), this.useCases.app.tenant()));
		assertThat(this.useCases.sessions.sessions(first.user().id())).singleElement()
			.satisfies((session) -> assertThat(session.id()).isEqualTo(again.tokens().sessionId()));
		assertThat(this.useCases.events(WxLoginAuditEvent.class)).first().satisfies((event) -> {
			assertThat(event.action()).isEqualTo(Action.LOGIN);
			assertThat(event.accountId()).isEqualTo(first.user().id());
			assertThat(event.sessionId()).isNull();
		});
		assertThat(this.useCases.events(WxNewUserEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.accountId()).isEqualTo(first.user().id()));
	}

	@Test
	void authenticateWithPhoneAppliesThePhoneRulesAndRefusesADisabledAccount() {
		PhoneLoginCodes codes = this.useCases.fake.issuePhoneLoginCodes("openid-own-phone", "13800138021");
		SignedInUser user = this.signIn.authenticateWithPhone(
				new PhoneSignInRequest(codes.loginCode(), codes.phoneCode(), null, WxLoginOrigin.UNKNOWN));
		assertThat(account(user.user().id()).phone()).isNotNull();
		assertThat(this.useCases.sessions.sessions(user.user().id())).isEmpty();
		this.manager.disable(user.user().id());
		PhoneLoginCodes again = this.useCases.fake.issuePhoneLoginCodes("openid-own-phone", "13800138021");
		assertRefused(() -> this.signIn.authenticateWithPhone(
				new PhoneSignInRequest(again.loginCode(), again.phoneCode(), null, WxLoginOrigin.UNKNOWN)),
				Reason.ACCOUNT_DISABLED);
	}

	@Test
	void admittedRefusesTheRenewalOfADisabledAccount() {
		SignedInUser user = this.signIn
			.authenticate(new SignInRequest(this.useCases.fake.issueLoginCode("openid-own-renewal"), null));
		assertThat(this.signIn.admitted(user.principal()).id()).isEqualTo(user.user().id());
		this.useCases.users.disable(user.user().id());
		assertRefused(() -> this.signIn.admitted(user.principal()), Reason.ACCOUNT_DISABLED);
	}

	@Test
	void aRefreshTokenIsSpentOnce() {
		SignedIn signedIn = login("openid-14");
		SignedIn refreshed = this.signIn.refresh(signedIn.tokens().refreshToken());
		assertThat(refreshed.tokens().refreshToken()).isNotEqualTo(signedIn.tokens().refreshToken());
		assertThat(refreshed.tokens().sessionId()).isEqualTo(signedIn.tokens().sessionId());
		assertThat(refreshed.newUser()).isFalse();
		assertRefused(() -> this.signIn.refresh("never-issued"), Reason.INVALID_REFRESH_TOKEN);
	}

	@Test
	void logoutEndsTheSessionOfItsRefreshTokenOnly() {
		SignedIn phone = login("openid-15");
		SignedIn tablet = login("openid-15");
		String userId = phone.user().id();
		this.signIn.signOut(new SignOutRequest(userId, phone.tokens().refreshToken(), null, null));
		assertRefused(() -> this.signIn.refresh(phone.tokens().refreshToken()), Reason.INVALID_REFRESH_TOKEN);
		assertThat(this.signIn.refresh(tablet.tokens().refreshToken()).user().id()).isEqualTo(userId);
	}

	@Test
	void logoutWithAnotherAccountsRefreshTokenEndsNothing() {
		SignedIn mine = login("openid-16");
		SignedIn others = login("openid-17");
		this.signIn.signOut(new SignOutRequest(mine.user().id(), others.tokens().refreshToken(), null, null));
		assertThat(this.signIn.refresh(others.tokens().refreshToken()).user().id()).isEqualTo(others.user().id());
	}

	@Test
	void logoutOfAllSessionsEndsEveryOne() {
		List<SignedIn> devices = List.of(login("openid-18"), login("openid-18"));
		String userId = devices.get(0).user().id();
		this.signIn.signOut(new SignOutRequest(userId, null, null, null, null, true, null));
		for (SignedIn device : devices) {
			assertRefused(() -> this.signIn.refresh(device.tokens().refreshToken()), Reason.INVALID_REFRESH_TOKEN);
		}
	}

	@Test
	void phoneLoginWithAUserStoreWithoutAccountsBindsThePhoneToTheIdentitysUser() {
		WxUserServiceWithoutAccounts users = new WxUserServiceWithoutAccounts(this.useCases.users);
		WxSignInService signIn = this.useCases.signIn(users);
		PhoneLoginCodes codes = this.useCases.fake.issuePhoneLoginCodes("openid-19", "13800138016");
		SignedIn signedIn = signIn.signInWithPhone(
				new PhoneSignInRequest(codes.loginCode(), codes.phoneCode(), null, WxLoginOrigin.UNKNOWN));
		assertThat(signedIn.newUser()).isTrue();
		assertThat(signedIn.user().phoneNumber()).isNotNull();
		assertThat(this.useCases.users.findById(signedIn.user().id()).orElseThrow().phoneNumber())
			.endsWith("13800138016");
		PhoneLoginCodes conflicting = this.useCases.fake.issuePhoneLoginCodes("openid-20", "13800138016");
		assertRefused(() -> signIn.signInWithPhone(new PhoneSignInRequest(conflicting.loginCode(),
				conflicting.phoneCode(), null, WxLoginOrigin.UNKNOWN)), Reason.IDENTITY_CONFLICT);
		assertThat(this.useCases.users.findByIdentity(this.useCases.app.appid(), "openid-20").orElseThrow()
			.phoneNumber()).isNull();
	}

}
