package io.github.wxlogin.login;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxAccountException;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxLinkedIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.event.WxLoginAuditEvent;
import io.github.wxlogin.event.WxLoginAuditEvent.Action;
import io.github.wxlogin.session.CaffeineRefreshTokenStore;
import io.github.wxlogin.session.CaffeineTokenRevocationStore;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.token.WxIssuedTokens;
import io.github.wxlogin.token.WxSigningKey;
import io.github.wxlogin.token.WxTokenService;
import io.github.wxlogin.token.WxTokenSettings;
import io.github.wxlogin.user.InMemoryWxUserService;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The back office's operations on accounts, without Spring and without WeChat: the in-memory store, and
 * sessions whose refresh tokens tell whether they still live.
 */
class WxAccountManagerTests {

	private static final String APP = "wx00000000000000a1";

	private static final String OTHER_APP = "wx00000000000000a2";

	private final Clock clock = Clock.systemUTC();

	private final InMemoryWxUserService users = new InMemoryWxUserService(this.clock);

	private final WxTokenSettings settings = new WxTokenSettings("wxlogin", null, Duration.ofHours(2),
			Duration.ofDays(30), Duration.ofSeconds(30));

	private final CaffeineRefreshTokenStore refreshTokens = new CaffeineRefreshTokenStore(this.clock,
			this.settings.refreshTokenTtl());

	private final WxLoginSessionService sessions = new WxLoginSessionService(this.refreshTokens,
			new CaffeineTokenRevocationStore(this.clock, this.settings.clockSkew()), Map.of(),
			this.settings.accessTokenTtl(), this.clock);

	private final WxTokenService tokens = tokens();

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final WxAccountManager manager = new WxAccountManager(this.users, this.sessions, this.events::add);

	private WxTokenService tokens() {
		WxSigningKey key = WxSigningKey.generateEc();
		return new WxTokenService(new NimbusJwtEncoder(new ImmutableJWKSet<>(key.jwkSet())), key,
				this.refreshTokens, this.sessions, this.settings, this.clock, List.of());
	}

	private WxUser user(String appid, String openid) {
		return this.users.findOrCreate(new WxIdentity(appid, openid, null)).user();
	}

	private WxIssuedTokens session(WxUser user) {
		return this.tokens.issue(new WxPrincipal(user.id(), user.openid(), user.appid()));
	}

	private boolean lives(WxIssuedTokens session) {
		return this.tokens.findUsableGrant(session.refreshToken()).isPresent();
	}

	private static WxPhone phone(String number) {
		return new WxPhone(number, number, "86");
	}

	@Test
	void disablingEndsEverySessionOfTheAccountAndIsPublished() {
		WxUser user = user(APP, "openid-1");
		WxIssuedTokens first = session(user);
		WxIssuedTokens second = session(user);
		WxIssuedTokens others = session(user(APP, "openid-2"));

		assertThat(this.manager.disable(user.id()).disabled()).isTrue();
		assertThat(lives(first)).isFalse();
		assertThat(lives(second)).isFalse();
		assertThat(lives(others)).isTrue();
		assertThat(this.users.isDisabled(user.id())).isTrue();
		assertThat(this.events).filteredOn(WxLoginAuditEvent.class::isInstance)
			.map(WxLoginAuditEvent.class::cast)
			.filteredOn((event) -> event.action() == Action.ACCOUNT_DISABLED)
			.singleElement()
			.satisfies((event) -> assertThat(event.accountId()).isEqualTo(user.id()));
	}

	@Test
	void enablingAnAccountLetsItInAgainButRevivesNoSession() {
		WxUser user = user(APP, "openid-3");
		WxIssuedTokens session = session(user);
		this.manager.disable(user.id());
		assertThat(this.manager.enable(user.id()).disabled()).isFalse();
		assertThat(this.users.isDisabled(user.id())).isFalse();
		assertThat(lives(session)).isFalse();
	}

	@Test
	void anAccountCreatedForAPhoneIsFoundByItAndAPhoneHasOneAccount() {
		WxAccount account = this.manager.createAccount(phone("13800138030"));
		assertThat(this.manager.findByPhone("13800138030")).get().extracting(WxAccount::id).isEqualTo(account.id());
		assertThat(account.identities()).isEmpty();
		assertThatExceptionOfType(WxAccountException.class)
			.isThrownBy(() -> this.manager.createAccount(phone("13800138030")))
			.extracting(WxAccountException::reason)
			.isEqualTo(WxAccountException.Reason.PHONE_CONFLICT);
	}

	@Test
	void unlinkingAnIdentityEndsTheAccountsSessionsInItsMiniProgramOnly() {
		WxUser here = user(APP, "openid-4");
		WxAccount account = this.manager.linkIdentity(here.id(), new WxIdentity(OTHER_APP, "openid-4-b", null));
		WxUser there = this.users.findByIdentity(OTHER_APP, "openid-4-b").orElseThrow();
		assertThat(there.id()).isEqualTo(account.id());
		WxIssuedTokens sessionHere = session(here);
		WxIssuedTokens sessionThere = session(there);

		this.manager.unlinkIdentity(here.id(), OTHER_APP, "openid-4-b");
		assertThat(this.manager.identities(here.id())).extracting(WxLinkedIdentity::appid).containsExactly(APP);
		assertThat(lives(sessionThere)).isFalse();
		assertThat(lives(sessionHere)).isTrue();
	}

	@Test
	void theLastIdentityOfAnAccountWithoutAPhoneIsNotUnlinked() {
		WxUser user = user(APP, "openid-5");
		assertThatExceptionOfType(WxAccountException.class)
			.isThrownBy(() -> this.manager.unlinkIdentity(user.id(), APP, "openid-5"))
			.extracting(WxAccountException::reason)
			.isEqualTo(WxAccountException.Reason.LAST_IDENTITY);
		assertThat(this.manager.identities(user.id())).hasSize(1);
	}

	@Test
	void anIdentityOfAnotherAccountIsNotLinked() {
		WxUser owner = user(APP, "openid-6");
		WxUser other = user(APP, "openid-7");
		assertThatExceptionOfType(WxAccountException.class)
			.isThrownBy(() -> this.manager.linkIdentity(other.id(), new WxIdentity(APP, "openid-6", null)))
			.extracting(WxAccountException::reason)
			.isEqualTo(WxAccountException.Reason.IDENTITY_CONFLICT);
		assertThat(this.manager.identities(owner.id())).extracting(WxLinkedIdentity::openid)
			.containsExactly("openid-6");
		assertThat(this.manager.identities(other.id())).extracting(WxLinkedIdentity::openid)
			.containsExactly("openid-7");
	}

	@Test
	void aUserStoreWithoutAccountsCannotBeManaged() {
		WxAccountManager manager = new WxAccountManager(new WxUserServiceWithoutAccounts(this.users), this.sessions,
				this.events::add);
		assertThatIllegalStateException().isThrownBy(() -> manager.findByPhone("13800138031"))
			.withMessageContaining("implement WxAccountStore");
	}

}
