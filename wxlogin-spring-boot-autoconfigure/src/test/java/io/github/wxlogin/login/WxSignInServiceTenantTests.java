package io.github.wxlogin.login;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxTenant;
import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.security.WxJwtAuthenticationConverter;
import io.github.wxlogin.session.WxLoginOrigin;
import io.github.wxlogin.test.FakeWeChatServerExtension;
import io.github.wxlogin.test.PhoneLoginCodes;
import io.github.wxlogin.token.WxClaims;
import io.github.wxlogin.token.WxJwtDecoders;
import io.github.wxlogin.wechat.WxApp;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins in two mini programs of two tenants, against the fake WeChat server: the same phone or unionid
 * makes an account in each tenant, each token carries its tenant, and the caller read back from a token
 * names it; a token issued before tenants is of the default tenant.
 */
class WxSignInServiceTenantTests {

	private static final String MERCHANT = "merchant-b";

	@RegisterExtension
	static final FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private LoginUseCases useCases;

	private WxSignInService signIn;

	private WxAccountManager manager;

	private JwtDecoder decoder;

	@BeforeAll
	static void serveTwoMiniPrograms() {
		LoginUseCases.addOtherApp(wechat.server());
	}

	@BeforeEach
	void setUp() {
		this.useCases = new LoginUseCases(wechat.server());
		// The fake's default app stays in the default tenant; the other one is a merchant's
		WxApp merchantApp = new WxApp(this.useCases.otherApp.appid(), this.useCases.otherApp.secret(), MERCHANT);
		WxApps apps = new WxApps(List.of(this.useCases.app, merchantApp), this.useCases.app);
		this.signIn = new WxSignInService(apps, this.useCases.wechat, this.useCases.sessionKeys, this.useCases.users,
				this.useCases.tokens, this.useCases.sessions, ObservationRegistry.NOOP, this.useCases.events::add);
		this.manager = this.useCases.manager();
		this.decoder = WxJwtDecoders.create(this.useCases.signingKey, this.useCases.settings,
				List.of(this.useCases.app.appid(), merchantApp.appid()), this.useCases.clock);
	}

	private SignedIn phoneLogin(String appid, String openid, String unionid, String phoneNumber) {
		PhoneLoginCodes codes = this.useCases.fake.issuePhoneLoginCodes(appid, openid, unionid, phoneNumber);
		return this.signIn.signInWithPhone(
				new PhoneSignInRequest(codes.loginCode(), codes.phoneCode(), codes.appid(), WxLoginOrigin.UNKNOWN));
	}

	private SignedIn login(String appid, String openid, String unionid) {
		return this.signIn.signIn(new SignInRequest(this.useCases.fake.issueLoginCode(appid, openid, unionid), appid));
	}

	/** The caller as a guarded request sees it: the token decoded and checked, then converted. */
	private WxPrincipal callerOf(String accessToken) {
		Jwt jwt = this.decoder.decode(accessToken);
		return (WxPrincipal) new WxJwtAuthenticationConverter().convert(jwt).getPrincipal();
	}

	@Test
	void samePhoneInTwoTenantsSignsInToTwoAccounts() {
		SignedIn here = phoneLogin(this.useCases.app.appid(), "openid-t1", "unionid-t1", "13800139001");
		SignedIn there = phoneLogin(LoginUseCases.OTHER_APPID, "openid-t1-b", "unionid-t1", "13800139001");

		assertThat(here.newUser()).isTrue();
		assertThat(there.newUser()).isTrue();
		assertThat(there.user().id()).isNotEqualTo(here.user().id());
		assertThat(this.manager.findByPhone("13800139001")).map(WxAccount::id).contains(here.user().id());
		assertThat(this.manager.findByPhone(MERCHANT, "13800139001")).map(WxAccount::id).contains(there.user().id());
		assertThat(this.manager.findAccount(there.user().id())).map(WxAccount::tenant).contains(MERCHANT);
	}

	@Test
	void sameUnionidInTwoTenantsLogsInToTwoAccounts() {
		SignedIn here = login(this.useCases.app.appid(), "openid-t2", "unionid-t2");
		SignedIn there = login(LoginUseCases.OTHER_APPID, "openid-t2-b", "unionid-t2");

		assertThat(there.newUser()).isTrue();
		assertThat(there.user().id()).isNotEqualTo(here.user().id());
		assertThat(this.manager.identities(here.user().id())).hasSize(1);
	}

	@Test
	void eachTokenCarriesItsTenantAndTheCallerReadBackNamesIt() {
		SignedIn here = login(this.useCases.app.appid(), "openid-t3", null);
		SignedIn there = login(LoginUseCases.OTHER_APPID, "openid-t3-b", null);

		assertThat(this.decoder.decode(here.tokens().accessToken()).getClaimAsString(WxClaims.TENANT))
			.isEqualTo(WxTenant.DEFAULT);
		assertThat(callerOf(here.tokens().accessToken()))
			.isEqualTo(new WxPrincipal(here.user().id(), "openid-t3", this.useCases.app.appid(), WxTenant.DEFAULT));
		assertThat(callerOf(there.tokens().accessToken()))
			.isEqualTo(new WxPrincipal(there.user().id(), "openid-t3-b", LoginUseCases.OTHER_APPID, MERCHANT));
		// the refreshed token keeps the tenant of its session
		SignedIn refreshed = this.signIn.refresh(there.tokens().refreshToken());
		assertThat(callerOf(refreshed.tokens().accessToken()).tenant()).isEqualTo(MERCHANT);
	}

	@Test
	void anAccountTheBackOfficeMadeInATenantIsLinkedByAPhoneLoginOfThatTenantOnly() {
		WxAccount known = this.manager.createAccount(MERCHANT, new WxPhone("13800139004", "13800139004", "86"));

		SignedIn here = phoneLogin(this.useCases.app.appid(), "openid-t4", "unionid-t4", "13800139004");
		SignedIn there = phoneLogin(LoginUseCases.OTHER_APPID, "openid-t4-b", "unionid-t4", "13800139004");

		assertThat(here.newUser()).isTrue();
		assertThat(here.user().id()).isNotEqualTo(known.id());
		assertThat(there.newUser()).isFalse();
		assertThat(there.user().id()).isEqualTo(known.id());
	}

	@Test
	void aTokenIssuedBeforeTenantsStaysValidAndIsOfTheDefaultTenant() {
		SignedIn signedIn = login(this.useCases.app.appid(), "openid-t5", null);
		String oldToken = issuedBeforeTenants(signedIn);

		WxPrincipal caller = callerOf(oldToken);

		assertThat(caller).isEqualTo(new WxPrincipal(signedIn.user().id(), "openid-t5", this.useCases.app.appid()));
		assertThat(caller.tenant()).isEqualTo(WxTenant.DEFAULT);
		assertThat(this.useCases.accounts(false).user(caller).id()).isEqualTo(signedIn.user().id());
	}

	/** An access token with the claims the starter issued before tenants: all of today's but the tenant. */
	private String issuedBeforeTenants(SignedIn signedIn) {
		Instant now = this.useCases.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.useCases.settings.issuer())
			.audience(List.of(signedIn.user().appid()))
			.subject(signedIn.user().id())
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(this.useCases.settings.accessTokenTtl()))
			.id(UUID.randomUUID().toString())
			.claim(WxClaims.OPENID, signedIn.user().openid())
			.claim(WxClaims.APPID, signedIn.user().appid())
			.claim(WxClaims.SESSION_ID, signedIn.tokens().sessionId())
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256)
			.keyId(this.useCases.signingKey.jwk().getKeyID())
			.type("JWT")
			.build();
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(this.useCases.signingKey.jwkSet()))
			.encode(JwtEncoderParameters.from(header, claims))
			.getTokenValue();
	}

}
