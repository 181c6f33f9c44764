package io.github.wxlogin.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxProfile;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.login.WxAccountManager;
import io.github.wxlogin.login.WxAccountService;
import io.github.wxlogin.login.WxJwkSetService;
import io.github.wxlogin.login.WxLoginObservationContext;
import io.github.wxlogin.login.WxLoginObservationConvention;
import io.github.wxlogin.login.WxSignInService;
import io.github.wxlogin.observability.WxAccessTokenGauge;
import io.github.wxlogin.observability.WxApiCallQueueGauge;
import io.github.wxlogin.session.RefreshTokenStore;
import io.github.wxlogin.session.TokenRevocationStore;
import io.github.wxlogin.token.WxJwtClaimsCustomizer;
import io.github.wxlogin.token.WxSigningKey;
import io.github.wxlogin.token.WxTokenService;
import io.github.wxlogin.web.WxLoginController;
import io.github.wxlogin.wechat.CaffeineWxSessionKeyStore;
import io.github.wxlogin.wechat.WxAccessTokenProvider;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApiException;
import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxSessionKeyStore;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link WxLoginAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class WxLoginAutoConfigurationTests {

	private static final String SECRET = "9f86d081884c7d659a2feaa0c55ad015";

	private static final String HMAC_SECRET = "an-hmac-secret-that-is-long-enough-for-hs256";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
		.withPropertyValues("wx.login.appid=wx0123456789abcdef", "wx.login.secret=" + SECRET);

	@Test
	void whenAppidAndSecretAreSetThenTheStarterRegistersItsBeans() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(WxApps.class)
				.hasSingleBean(WxApiClient.class)
				.hasSingleBean(WxAccessTokenProvider.class)
				.hasSingleBean(WxSessionKeyStore.class)
				.hasSingleBean(RefreshTokenStore.class)
				.hasSingleBean(TokenRevocationStore.class)
				.hasSingleBean(WxUserService.class)
				.hasSingleBean(WxTokenService.class)
				.hasSingleBean(JwtDecoder.class);
			assertThat(context.getBean(WxSessionKeyStore.class)).isInstanceOf(CaffeineWxSessionKeyStore.class);
			assertThat(context).doesNotHaveBean(WxLoginController.class);
		});
	}

	@Test
	void whenInAServletWebApplicationThenTheEndpointsAreRegistered() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
			.withPropertyValues("wx.login.appid=wx0123456789abcdef", "wx.login.secret=" + SECRET)
			.run((context) -> assertThat(context).hasSingleBean(WxLoginController.class));
	}

	@Test
	void theLoginServicesAreRegisteredOutsideAWebApplicationToo() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(WxSignInService.class)
			.hasSingleBean(WxAccountService.class)
			.hasSingleBean(WxAccountManager.class)
			.hasSingleBean(WxJwkSetService.class));
	}

	@Test
	void whenHostDefinesAnAccountManagerThenTheStarterBacksOff() {
		this.contextRunner.withBean("hostAccounts", WxAccountManager.class, () -> mock(WxAccountManager.class))
			.run((context) -> assertThat(context).hasSingleBean(WxAccountManager.class).hasBean("hostAccounts"));
	}

	@Test
	void theAccountManagerOfAUserServiceWithoutAccountsSaysWhatIsMissing() {
		this.contextRunner.withBean(WxUserService.class, () -> mock(WxUserService.class))
			.run((context) -> assertThatIllegalStateException()
				.isThrownBy(() -> context.getBean(WxAccountManager.class).findByPhone("13800138000"))
				.withMessageContaining("implement WxAccountStore"));
	}

	@Test
	void whenHostDefinesALoginServiceThenTheStarterBacksOffAndTheEndpointsUseTheHosts() {
		WxAccountService hostAccounts = mock(WxAccountService.class);
		WxJwkSetService hostJwkSet = new WxJwkSetService(Map.of());
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
			.withPropertyValues("wx.login.appid=wx0123456789abcdef", "wx.login.secret=" + SECRET)
			.withBean(WxAccountService.class, () -> hostAccounts)
			.withBean(WxJwkSetService.class, () -> hostJwkSet)
			.run((context) -> {
				assertThat(context).hasSingleBean(WxSignInService.class);
				assertThat(context.getBean(WxAccountService.class)).isSameAs(hostAccounts);
				assertThat(context.getBean(WxJwkSetService.class)).isSameAs(hostJwkSet);
				assertThat(context.getBean(WxLoginController.class).jwkSet().getStatusCode().value()).isEqualTo(404);
			});
	}

	@Test
	void propertiesHaveTheContractsDefaults() {
		this.contextRunner.run((context) -> {
			WxLoginProperties properties = context.getBean(WxLoginProperties.class);
			assertThat(properties.enabled()).isTrue();
			assertThat(properties.apiBaseUrl()).isEqualTo("https://api.weixin.qq.com");
			assertThat(properties.connectTimeout()).hasSeconds(2);
			assertThat(properties.readTimeout()).hasSeconds(5);
			assertThat(properties.endpoints().basePath()).isEqualTo("/wx");
			assertThat(properties.jwt().issuer()).isEqualTo("wxlogin");
			assertThat(properties.jwt().accessTokenTtl()).hasHours(2);
			assertThat(properties.jwt().refreshTokenTtl()).hasDays(30);
			assertThat(properties.jwt().clockSkew()).hasSeconds(30);
			assertThat(properties.accessToken().refreshAhead()).hasMinutes(5);
			assertThat(properties.store().type()).isEqualTo(WxLoginProperties.Store.StoreType.AUTO);
			assertThat(properties.store().redis().keyPrefix()).isEqualTo("wxlogin:");
			assertThat(properties.userStore().type()).isEqualTo(WxLoginProperties.UserStore.UserStoreType.AUTO);
			assertThat(properties.security().enabled()).isTrue();
			assertThat(properties.profile().contentCheck()).isFalse();
		});
	}

	@Test
	void audienceDefaultsToTheAppid() {
		this.contextRunner.run((context) -> {
			String token = context.getBean(WxTokenService.class)
				.issue(new WxPrincipal("u1", "o1", "wx0123456789abcdef"))
				.accessToken();
			assertThat(context.getBean(JwtDecoder.class).decode(token).getAudience()).containsExactly("wx0123456789abcdef");
		});
	}

	@Test
	void theShortFormIsTheDefaultAppBesideNamedApps() {
		this.contextRunner
			.withPropertyValues("wx.login.apps.shop.appid=wx5a0b000000000001", "wx.login.apps.shop.secret=" + SECRET)
			.run((context) -> {
				WxApps apps = context.getBean(WxApps.class);
				assertThat(apps.all()).extracting(WxApp::appid).containsExactly("wx0123456789abcdef", "wx5a0b000000000001");
				assertThat(apps.defaultApp()).map(WxApp::appid).hasValue("wx0123456789abcdef");
				assertThat(apps.toString()).doesNotContain(SECRET);
			});
	}

	@Test
	void severalNamedAppsWithoutADefaultLetLoginsNameTheirApp() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
			.withPropertyValues("wx.login.apps.shop.appid=wx5a0b000000000001", "wx.login.apps.shop.secret=" + SECRET,
					"wx.login.apps.news.appid=wx9e05000000000002", "wx.login.apps.news.secret=" + SECRET)
			.run((context) -> assertThat(context.getBean(WxApps.class).defaultApp()).isEmpty());
	}

	@Test
	void whenANamedAppHasNoSecretThenStartUpFailsNamingIt() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
			.withPropertyValues("wx.login.apps.shop.appid=wx5a0b000000000001")
			.run((context) -> assertFailure(context, "wx.login.apps.shop.secret", "is not set"));
	}

	@Test
	void whenTheDefaultAppIsConfiguredTwiceThenStartUpFails() {
		this.contextRunner
			.withPropertyValues("wx.login.apps.default.appid=wx07e1000000000003", "wx.login.apps.default.secret=" + SECRET)
			.run((context) -> assertFailure(context, "wx.login.appid", "both set"));
	}

	@Test
	void whenTwoAppsShareAnAppidThenStartUpFails() {
		this.contextRunner
			.withPropertyValues("wx.login.apps.shop.appid=wx0123456789abcdef", "wx.login.apps.shop.secret=" + SECRET)
			.run((context) -> assertFailure(context, "wx.login.apps", "twice"));
	}

	@Test
	void secretsNeverAppearInToString() {
		this.contextRunner.withPropertyValues("wx.login.jwt.hmac-secret=" + HMAC_SECRET).run((context) -> {
			assertThat(context.getBean(WxLoginProperties.class).toString()).doesNotContain(SECRET)
				.doesNotContain(HMAC_SECRET);
			assertThat(context.getBean(WxApps.class).defaultApp().orElseThrow().toString()).doesNotContain(SECRET);
		});
	}

	@Test
	void whenDisabledThenNothingIsRegistered() {
		this.contextRunner.withPropertyValues("wx.login.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WxApps.class).doesNotHaveBean(WxTokenService.class));
	}

	@Test
	void whenAppidIsMissingThenStartUpFailsNamingTheProperty() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
			.withPropertyValues("wx.login.secret=" + SECRET)
			.run((context) -> assertFailure(context, "wx.login.appid", "is not set"));
	}

	@Test
	void whenSecretIsBlankThenStartUpFailsNamingTheProperty() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
			.withPropertyValues("wx.login.appid=wx0123456789abcdef", "wx.login.secret=  ")
			.run((context) -> assertFailure(context, "wx.login.secret", "is not set"));
	}

	@Test
	void whenHmacSecretIsShortThenStartUpFailsWithoutShowingIt() {
		this.contextRunner.withPropertyValues("wx.login.jwt.hmac-secret=short-secret-1234").run((context) -> {
			assertFailure(context, "wx.login.jwt.hmac-secret", "too short");
			assertThat(context.getStartupFailure()).hasStackTraceContaining("at least 32 bytes");
			assertThat(analysis(context).getDescription()).doesNotContain("short-secret-1234");
		});
	}

	@Test
	void whenBothKeysAreSetThenStartUpFails() {
		this.contextRunner
			.withPropertyValues("wx.login.jwt.hmac-secret=" + HMAC_SECRET,
					"wx.login.jwt.private-key-location=classpath:nothing.pem")
			.run((context) -> assertFailure(context, "wx.login.jwt.hmac-secret", "both set"));
	}

	@Test
	void whenPrivateKeyIsUnreadableThenStartUpFails() {
		this.contextRunner.withPropertyValues("wx.login.jwt.private-key-location=file:/no/such/key.pem")
			.run((context) -> assertFailure(context, "wx.login.jwt.private-key-location", "cannot be read"));
	}

	@Test
	void whenPrivateKeyIsNotPkcs8ThenStartUpFails(@TempDir Path dir) throws IOException {
		Path pem = Files.writeString(dir.resolve("key.pem"),
				"-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----\n");
		this.contextRunner.withPropertyValues("wx.login.jwt.private-key-location=file:" + pem)
			.run((context) -> assertFailure(context, "wx.login.jwt.private-key-location", "not usable"));
	}

	@Test
	void whenDurationIsNegativeThenStartUpFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("wx.login.jwt.access-token-ttl=-5m")
			.run((context) -> assertFailure(context, "wx.login.jwt.access-token-ttl", "positive"));
		this.contextRunner.withPropertyValues("wx.login.read-timeout=0s")
			.run((context) -> assertFailure(context, "wx.login.read-timeout", "positive"));
	}

	@Test
	void whenNoKeyIsSetThenAnEcKeyIsGeneratedWithOneWarning(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(WxSigningKey.class).algorithm()).isEqualTo(JWSAlgorithm.ES256);
			assertThat(output.getOut().split("do not survive a restart", -1)).hasSize(2);
		});
	}

	@Test
	void whenHmacSecretIsSetThenTokensAreHs256() {
		this.contextRunner.withPropertyValues("wx.login.jwt.hmac-secret=" + HMAC_SECRET)
			.run((context) -> assertThat(context.getBean(WxSigningKey.class).algorithm()).isEqualTo(JWSAlgorithm.HS256));
	}

	@Test
	void whenRsaPemIsSetThenTokensAreRs256(@TempDir Path dir) throws Exception {
		Path pem = pkcs8Pem(dir, "RSA");
		this.contextRunner
			.withPropertyValues("wx.login.jwt.private-key-location=file:" + pem, "wx.login.jwt.key-id=key-2026")
			.run((context) -> {
				WxSigningKey key = context.getBean(WxSigningKey.class);
				assertThat(key.algorithm()).isEqualTo(JWSAlgorithm.RS256);
				assertThat(key.jwk().getKeyID()).isEqualTo("key-2026");
				assertThat(key.publicJwkSet().getKeys()).singleElement().matches((jwk) -> !jwk.isPrivate());
			});
	}

	@Test
	void whenEcPemWithItsPublicKeyIsSetThenTokensAreEs256(@TempDir Path dir) throws Exception {
		Path pem = pkcs8Pem(dir, "EC");
		this.contextRunner.withPropertyValues("wx.login.jwt.private-key-location=file:" + pem).run((context) -> {
			WxSigningKey key = context.getBean(WxSigningKey.class);
			assertThat(key.algorithm()).isEqualTo(JWSAlgorithm.ES256);
			WxTokenService tokens = context.getBean(WxTokenService.class);
			String token = tokens.issue(new WxPrincipal("u1", "o1", "wx0123456789abcdef"))
				.accessToken();
			assertThat(context.getBean(JwtDecoder.class).decode(token).getSubject()).isEqualTo("u1");
		});
	}

	@Test
	void whenHostDeclaresClaimsCustomizersThenEachIsAppliedInOrder() {
		this.contextRunner
			.withBean("orgCustomizer", WxJwtClaimsCustomizer.class,
					() -> (subject, claims) -> claims.claim("org", "o-" + subject.userId()))
			.withBean("planCustomizer", WxJwtClaimsCustomizer.class, () -> (subject, claims) -> claims.claim("plan", "gold"))
			.run((context) -> {
				String token = context.getBean(WxTokenService.class)
					.issue(new WxPrincipal("u1", "o1", "wx0123456789abcdef"))
					.accessToken();
				Jwt jwt = context.getBean(JwtDecoder.class).decode(token);
				assertThat(jwt.getClaimAsString("org")).isEqualTo("o-u1");
				assertThat(jwt.getClaimAsString("plan")).isEqualTo("gold");
			});
	}

	@Test
	void whenMicrometerIsPresentThenTheGaugesAreBoundAndHealthIsReported() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(WxAccessTokenGauge.class)
				.hasSingleBean(WxApiCallQueueGauge.class)
				.hasBean("wxloginHealthIndicator");
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			context.getBeansOfType(MeterBinder.class).values().forEach((binder) -> binder.bindTo(meters));
			assertThat(meters.get("wxlogin.wechat.access.token.remaining").gauge().value()).isZero();
			assertThat(meters.get("wxlogin.wechat.calls.waiting").gauge().value()).isZero();
		});
	}

	@Test
	void whenMicrometerCoreIsMissingThenThereIsNoGauge() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterBinder.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(WxAccessTokenGauge.class)
				.doesNotHaveBean(WxApiCallQueueGauge.class));
	}

	@Test
	void whenInAServletWebApplicationThenRefusedLoginsAreTaggedWithTheCodeOfTheirReply() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
			.withPropertyValues("wx.login.appid=wx0123456789abcdef", "wx.login.secret=" + SECRET)
			.run((context) -> {
				WxLoginObservationContext refused = new WxLoginObservationContext(null);
				refused.setError(new WxApiException(WxApiException.Reason.BUSY, "jscode2session", -1, "busy"));
				assertThat(context.getBean(WxLoginObservationConvention.class).getLowCardinalityKeyValues(refused))
					.containsExactly(KeyValue.of("outcome", "wechat_unavailable"));
			});
	}

	@Test
	void whenHostDefinesALoginObservationConventionThenTheStarterBacksOff() {
		WxLoginObservationConvention hostConvention = new WxLoginObservationConvention();
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
			.withPropertyValues("wx.login.appid=wx0123456789abcdef", "wx.login.secret=" + SECRET)
			.withBean(WxLoginObservationConvention.class, () -> hostConvention)
			.run((context) -> assertThat(context.getBean(WxLoginObservationConvention.class)).isSameAs(hostConvention));
	}

	@Test
	void whenHostDefinesItsBeansThenTheStarterBacksOff() {
		this.contextRunner.withUserConfiguration(HostBeans.class).run((context) -> {
			assertThat(context.getBean(WxUserService.class)).isSameAs(context.getBean(HostBeans.class).users);
			assertThat(context.getBean(JwtDecoder.class)).isSameAs(context.getBean(HostBeans.class).decoder);
			assertThat(context.getBean(WxApiClient.class)).isSameAs(context.getBean(HostBeans.class).client);
		});
	}

	private static void assertFailure(AssertableApplicationContext context, String property, String problem) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = analysis(context);
		assertThat(analysis).as("failure analysis").isNotNull();
		assertThat(analysis.getDescription()).contains(property).contains(problem);
		assertThat(analysis.getAction()).contains(property);
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(SECRET);
	}

	private static FailureAnalysis analysis(AssertableApplicationContext context) {
		return new WxLoginFailureAnalyzer().analyze(context.getStartupFailure());
	}

	@Test
	void whenEcPemLacksItsPublicKeyThenStartUpFailsSayingHowToAddIt(@TempDir Path dir) throws Exception {
		KeyPair pair = keyPair("EC");
		Path pem = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
		this.contextRunner.withPropertyValues("wx.login.jwt.private-key-location=file:" + pem).run((context) -> {
			assertFailure(context, "wx.login.jwt.private-key-location", "without its public key");
			assertThat(analysis(context).getAction()).contains("openssl pkey -in key.pem -pubout >> key.pem")
				.contains("wx.login.jwt.public-key-location");
		});
	}

	@Test
	void whenPublicKeyLocationIsSetThenTheEcKeyPublishesThatKey(@TempDir Path dir) throws Exception {
		KeyPair pair = keyPair("EC");
		Path privateKey = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
		Path publicKey = Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
		this.contextRunner
			.withPropertyValues("wx.login.jwt.private-key-location=file:" + privateKey,
					"wx.login.jwt.public-key-location=file:" + publicKey)
			.run((context) -> {
				WxSigningKey key = context.getBean(WxSigningKey.class);
				assertThat(key.algorithm()).isEqualTo(JWSAlgorithm.ES256);
				assertThat(((ECKey) key.publicJwkSet().getKeys().get(0)).toECPublicKey()).isEqualTo(pair.getPublic());
			});
	}

	@Test
	void whenPublicKeyIsNotThePrivateKeysThenStartUpFails(@TempDir Path dir) throws Exception {
		Path privateKey = Files.writeString(dir.resolve("key.pem"),
				pem("PRIVATE KEY", keyPair("EC").getPrivate().getEncoded()));
		Path publicKey = Files.writeString(dir.resolve("public.pem"),
				pem("PUBLIC KEY", keyPair("EC").getPublic().getEncoded()));
		this.contextRunner
			.withPropertyValues("wx.login.jwt.private-key-location=file:" + privateKey,
					"wx.login.jwt.public-key-location=file:" + publicKey)
			.run((context) -> assertFailure(context, "wx.login.jwt.private-key-location", "not the private key's"));
	}

	@Test
	void whenPublicKeyLocationIsSetWithoutAPrivateKeyThenStartUpFails() {
		this.contextRunner.withPropertyValues("wx.login.jwt.public-key-location=classpath:public.pem")
			.run((context) -> assertFailure(context, "wx.login.jwt.public-key-location", "without"));
	}

	/** A PKCS#8 PEM as {@code openssl genpkey} writes it, followed for EC by the public key. */
	private static Path pkcs8Pem(Path dir, String algorithm) throws Exception {
		KeyPair pair = keyPair(algorithm);
		String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());
		if (algorithm.equals("EC")) {
			pem += pem("PUBLIC KEY", pair.getPublic().getEncoded());
		}
		return Files.writeString(dir.resolve(algorithm + ".pem"), pem);
	}

	private static KeyPair keyPair(String algorithm) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
		if (algorithm.equals("EC")) {
			generator.initialize(new ECGenParameterSpec("secp256r1"));
		}
		else {
			generator.initialize(2048);
		}
		return generator.generateKeyPair();
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	@Configuration(proxyBeanMethods = false)
	static class HostBeans {

		final WxUserService users = new HostUsers();

		final JwtDecoder decoder = mock(JwtDecoder.class);

		final WxApiClient client = mock(WxApiClient.class);

		@Bean
		WxUserService hostUsers() {
			return this.users;
		}

		@Bean
		JwtDecoder hostDecoder() {
			return this.decoder;
		}

		@Bean
		WxApiClient hostClient() {
			return this.client;
		}

	}

	static class HostUsers implements WxUserService {

		@Override
		public WxUserLogin findOrCreate(WxIdentity identity) {
			throw new UnsupportedOperationException();
		}

		@Override
		public java.util.Optional<WxUser> findById(String userId) {
			return java.util.Optional.empty();
		}

		@Override
		public WxUser bindPhone(String userId, WxPhone phone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public WxUser updateProfile(String userId, WxProfile profile) {
			throw new UnsupportedOperationException();
		}

	}

}
