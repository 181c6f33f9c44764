package io.github.wxlogin.login;

import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxLinkedIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.login.WxLoginException.Reason;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.FakeWeChatServerExtension;
import io.github.wxlogin.test.UserProfileData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a signed-in caller does with its account, without Spring: its identities and unlinking them, phone
 * binding, and profile changes, with the fake WeChat server where WeChat takes part.
 */
class WxAccountServiceTests {

	@RegisterExtension
	static final FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private LoginUseCases useCases;

	private FakeWeChatServer fake;

	private WxSignInService signIn;

	private WxAccountService accounts;

	@BeforeAll
	static void serveTwoMiniPrograms() {
		LoginUseCases.addOtherApp(wechat.server());
	}

	@BeforeEach
	void setUp() {
		this.useCases = new LoginUseCases(wechat.server());
		this.fake = this.useCases.fake;
		this.signIn = this.useCases.signIn();
		this.accounts = this.useCases.accounts(true);
	}

	private SignedIn login(String appid, String openid, String unionid) {
		return this.signIn.signIn(new SignInRequest(this.fake.issueLoginCode(appid, openid, unionid), appid));
	}

	private WxPrincipal caller(String openid) {
		return LoginUseCases.principalOf(login(this.fake.appid(), openid, null).user());
	}

	private static void assertRefused(Executable call, Reason reason) {
		assertThatExceptionOfType(WxLoginException.class).isThrownBy(call::execute)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	@Test
	void unlinkingTheIdentityInUseIsRefused() {
		SignedIn here = login(this.fake.appid(), "openid-1", "unionid-1");
		login(LoginUseCases.OTHER_APPID, "openid-1-b", "unionid-1");
		WxPrincipal caller = LoginUseCases.principalOf(here.user());
		assertRefused(() -> this.accounts.unlinkIdentity(caller, this.fake.appid()), Reason.INVALID_REQUEST);
		assertThat(this.accounts.identities(caller)).hasSize(2);
	}

	@Test
	void unlinkingAnotherMiniProgramEndsTheSessionsThereAndKeepsTheOnesHere() {
		SignedIn here = login(this.fake.appid(), "openid-2", "unionid-2");
		SignedIn there = login(LoginUseCases.OTHER_APPID, "openid-2-b", "unionid-2");
		assertThat(there.user().id()).isEqualTo(here.user().id());
		WxPrincipal caller = LoginUseCases.principalOf(here.user());

		assertThat(this.accounts.unlinkIdentity(caller, LoginUseCases.OTHER_APPID)).extracting(WxLinkedIdentity::appid)
			.containsExactly(this.fake.appid());
		assertRefused(() -> this.signIn.refresh(there.tokens().refreshToken()), Reason.INVALID_REFRESH_TOKEN);
		assertThat(this.signIn.refresh(here.tokens().refreshToken()).user().id()).isEqualTo(here.user().id());
	}

	@Test
	void unlinkingAMiniProgramTheAccountIsNotInIsNotFound() {
		WxPrincipal caller = caller("openid-3");
		assertRefused(() -> this.accounts.unlinkIdentity(caller, LoginUseCases.OTHER_APPID), Reason.NOT_FOUND);
	}

	@Test
	void bindingAPhoneCodeBindsTheNumberWeChatGivesForTheCaller() {
		WxPrincipal caller = caller("openid-4");
		WxPhone phone = this.accounts.bindPhone(caller, this.fake.issuePhoneCode("13800138020", "openid-4"));
		assertThat(phone.purePhoneNumber()).isEqualTo("13800138020");
		assertThat(this.accounts.user(caller).phoneNumber()).endsWith("13800138020");
	}

	@Test
	void aPhoneBoundToAnotherAccountIsAConflictAndChangesNothing() {
		WxPrincipal owner = caller("openid-5");
		this.accounts.bindPhone(owner, this.fake.issuePhoneCode("13800138021", "openid-5"));
		WxPrincipal other = caller("openid-6");
		String code = this.fake.issuePhoneCode("13800138021", "openid-6");
		assertRefused(() -> this.accounts.bindPhone(other, code), Reason.PHONE_CONFLICT);
		assertThat(this.accounts.user(other).phoneNumber()).isNull();
		assertThat(this.accounts.user(owner).phoneNumber()).endsWith("13800138021");
	}

	@Test
	void anOlderClientsEncryptedPhoneIsBoundWithTheCallersSessionKey() {
		WxPrincipal caller = caller("openid-7");
		io.github.wxlogin.test.EncryptedData data = this.fake.encryptedPhoneData("openid-7", "13800138022");
		WxPhone phone = this.accounts.bindPhone(caller, new EncryptedData(data.encryptedData(), data.iv()));
		assertThat(phone.purePhoneNumber()).isEqualTo("13800138022");
		assertThat(this.accounts.user(caller).phoneNumber()).endsWith("13800138022");
	}

	@Test
	void encryptedPhoneDataMadeForAnotherMiniProgramIsRefused() {
		WxPrincipal caller = caller("openid-8");
		io.github.wxlogin.test.EncryptedData data = this.fake.encryptedPhoneData("openid-8", "13800138023",
				LoginUseCases.OTHER_APPID);
		assertRefused(() -> this.accounts.bindPhone(caller, new EncryptedData(data.encryptedData(), data.iv())),
				Reason.INVALID_REQUEST);
		assertThat(this.accounts.user(caller).phoneNumber()).isNull();
	}

	@Test
	void encryptedPhoneDataWithoutAStoredSessionKeyIsRefused() {
		// A user the store knows whose login code was never exchanged here: no session key is stored
		this.fake.issueLoginCode("openid-9");
		WxPrincipal caller = LoginUseCases.principalOf(
				this.useCases.users.findOrCreate(new WxIdentity(this.fake.appid(), "openid-9", null)).user());
		io.github.wxlogin.test.EncryptedData data = this.fake.encryptedPhoneData("openid-9", "13800138024");
		assertThatExceptionOfType(WxLoginException.class).isThrownBy(
				() -> this.accounts.bindPhone(caller, new EncryptedData(data.encryptedData(), data.iv())));
		assertThat(this.accounts.user(caller).phoneNumber()).isNull();
	}

	@Test
	void aNicknameIsSavedTrimmed() {
		WxPrincipal caller = caller("openid-10");
		WxUser user = this.accounts.updateProfile(caller, new ProfileChange("  Alice  ", null));
		assertThat(user.nickname()).isEqualTo("Alice");
		assertThat(this.accounts.user(caller).nickname()).isEqualTo("Alice");
	}

	@Test
	void aNicknameWeChatRejectsIsNotSaved() {
		this.fake.contentVerdict("spam", "risky");
		WxPrincipal caller = caller("openid-11");
		this.accounts.updateProfile(caller, new ProfileChange("Alice", null));
		assertRefused(() -> this.accounts.updateProfile(caller, new ProfileChange("spam king", null)),
				Reason.CONTENT_REJECTED);
		assertThat(this.accounts.user(caller).nickname()).isEqualTo("Alice");
	}

	@Test
	void withoutTheContentCheckWeChatIsNotAsked() {
		this.fake.contentVerdict("spam", "risky");
		WxPrincipal caller = caller("openid-12");
		WxUser user = this.useCases.accounts(false).updateProfile(caller, new ProfileChange("spam king", null));
		assertThat(user.nickname()).isEqualTo("spam king");
	}

	@Test
	void anOlderClientsSignedProfileIsSavedButWeChatsPlaceholdersNeverReplaceARealNickname() {
		WxPrincipal caller = caller("openid-13");
		UserProfileData real = this.fake.userProfileData("openid-13", "Alice", "https://wx.qlogo.cn/mmopen/alice/132");
		WxUser user = this.accounts.updateProfile(caller, signed(real));
		assertThat(user.nickname()).isEqualTo("Alice");
		assertThat(user.avatarUrl()).isEqualTo("https://wx.qlogo.cn/mmopen/alice/132");

		UserProfileData placeholder = this.fake.userProfileData("openid-13", "微信用户",
				"https://wx.qlogo.cn/mmopen/alice/132");
		assertThat(this.accounts.updateProfile(caller, signed(placeholder)).nickname()).isEqualTo("Alice");
	}

	@Test
	void aSignedProfileWithABadSignatureIsRefused() {
		WxPrincipal caller = caller("openid-14");
		UserProfileData data = this.fake.userProfileData("openid-14", "Alice", "https://wx.qlogo.cn/mmopen/a/132");
		SignedProfile forged = new SignedProfile(data.rawData().replace("Alice", "Mallory"), data.signature(),
				data.encryptedData(), data.iv());
		assertThatExceptionOfType(WxLoginException.class).isThrownBy(() -> this.accounts.updateProfile(caller, forged));
		assertThat(this.accounts.user(caller).nickname()).isNull();
	}

	@Test
	void aCallerWhoseUserIsGoneIsRefused() {
		WxPrincipal caller = caller("openid-15");
		WxPrincipal stranger = new WxPrincipal("no-such-user", caller.openid(), caller.appid());
		assertRefused(() -> this.accounts.user(stranger), Reason.USER_GONE);
		assertRefused(() -> this.accounts.updateProfile(stranger, new ProfileChange("Alice", null)), Reason.USER_GONE);
	}

	@Test
	void aCallerOfAMiniProgramNoLongerServedCannotBindAPhone() {
		WxUser user = this.useCases.users.findOrCreate(new WxIdentity("wx00000000000000cc", "openid-16", null))
			.user();
		assertRefused(() -> this.accounts.bindPhone(LoginUseCases.principalOf(user), "any-code"),
				Reason.APP_NOT_SERVED);
	}

	private static SignedProfile signed(UserProfileData data) {
		return new SignedProfile(data.rawData(), data.signature(), data.encryptedData(), data.iv());
	}

}
