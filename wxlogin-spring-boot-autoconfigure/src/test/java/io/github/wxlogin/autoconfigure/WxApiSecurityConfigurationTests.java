package io.github.wxlogin.autoconfigure;

import java.util.Base64;

import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.wechat.WxApiSecurity;
import io.github.wxlogin.wechat.WxApp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WeChat's API security properties: read into each app's {@link WxApiSecurity}, and each wrong key, number
 * or certificate failing start-up with the property to fix, never with a key.
 */
class WxApiSecurityConfigurationTests {

	private static final String SYMMETRIC_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String PRIVATE_KEY = "classpath:io/github/wxlogin/wechat/api-security-example-app-key.pem";

	private static final String CERTIFICATE = "classpath:io/github/wxlogin/test/api-security/platform-1.crt";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
		.withPropertyValues("wx.login.appid=wx0123456789abcdef", "wx.login.secret=9f86d081884c7d659a2feaa0c55ad015");

	private static String[] security(String prefix) {
		return new String[] { prefix + ".symmetric-key=" + SYMMETRIC_KEY,
				prefix + ".symmetric-sn=fa05fe1e5bcc79b81ad5ad4b58acf787", prefix + ".private-key=" + PRIVATE_KEY,
				prefix + ".private-key-sn=97845f6ed842ea860df6fdf65941ff56",
				prefix + ".platform-certificates[0].number=79ba700ea147819f640941bceb38b1d1",
				prefix + ".platform-certificates[0].certificate=" + CERTIFICATE };
	}

	@Test
	void whenNoKeyIsSetThenCallsArePlain() {
		this.contextRunner.run((context) -> assertThat(defaultApp(context).apiSecurity()).isNull());
	}

	@Test
	void whenApiSecurityIsConfiguredThenTheAppCarriesIt() {
		this.contextRunner.withPropertyValues(security("wx.login.api-security")).run((context) -> {
			WxApiSecurity security = defaultApp(context).apiSecurity();
			assertThat(security).isNotNull();
			assertThat(security.platformKeys()).containsOnlyKeys("79ba700ea147819f640941bceb38b1d1");
			assertThat(security.securedPaths()).containsExactlyElementsOf(WxApiSecurity.DEFAULT_SECURED_PATHS);
			assertThat(security.settingsName()).isEqualTo("wx.login.api-security");
			assertThat(security.toString()).doesNotContain(SYMMETRIC_KEY);
		});
	}

	@Test
	void eachNamedAppHasItsOwn() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
			.withPropertyValues("wx.login.apps.shop.appid=wx0123456789abcdef",
					"wx.login.apps.shop.secret=9f86d081884c7d659a2feaa0c55ad015",
					"wx.login.apps.blog.appid=wx00000000000000ff", "wx.login.apps.blog.secret=another-secret")
			.withPropertyValues(security("wx.login.apps.shop.api-security"))
			.withPropertyValues("wx.login.apps.shop.api-security.secured-paths=/wxa/getuserriskrank")
			.run((context) -> {
				WxApps apps = context.getBean(WxApps.class);
				WxApiSecurity shop = apps.find("wx0123456789abcdef").orElseThrow().apiSecurity();
				assertThat(shop).isNotNull();
				assertThat(shop.settingsName()).isEqualTo("wx.login.apps.shop.api-security");
				assertThat(shop.securedPaths()).containsExactly("/wxa/getuserriskrank");
				assertThat(apps.find("wx00000000000000ff").orElseThrow().apiSecurity()).isNull();
			});
	}

	@Test
	void whenTheSymmetricKeyIsNotAes256ThenStartUpFailsNamingIt() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		this.contextRunner.withPropertyValues(security("wx.login.api-security"))
			.withPropertyValues("wx.login.api-security.symmetric-key=" + shortKey)
			.run((context) -> assertFailure(context, "wx.login.api-security.symmetric-key", "16 bytes", shortKey));
	}

	@Test
	void whenThePrivateKeyIsNotAKeyThenStartUpFailsNamingIt() {
		this.contextRunner.withPropertyValues(security("wx.login.api-security"))
			.withPropertyValues("wx.login.api-security.private-key=-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA "
					+ "PRIVATE KEY-----")
			.run((context) -> assertFailure(context, "wx.login.api-security.private-key", "no readable", "AAAA"));
	}

	@Test
	void whenThePrivateKeysFileIsMissingThenStartUpFailsNamingIt() {
		this.contextRunner.withPropertyValues(security("wx.login.api-security"))
			.withPropertyValues("wx.login.api-security.private-key=file:/no/such/key.pem")
			.run((context) -> assertFailure(context, "wx.login.api-security.private-key", "readable file", SYMMETRIC_KEY));
	}

	@Test
	void whenAKeyNumberIsMissingThenStartUpFailsNamingIt() {
		this.contextRunner.withPropertyValues(security("wx.login.api-security"))
			.withPropertyValues("wx.login.api-security.symmetric-sn=")
			.run((context) -> assertFailure(context, "wx.login.api-security.symmetric-sn", "is not set", SYMMETRIC_KEY));
	}

	@Test
	void whenNoPlatformCertificateIsGivenThenStartUpFailsNamingIt() {
		this.contextRunner
			.withPropertyValues("wx.login.api-security.symmetric-key=" + SYMMETRIC_KEY,
					"wx.login.api-security.symmetric-sn=fa05", "wx.login.api-security.private-key=" + PRIVATE_KEY,
					"wx.login.api-security.private-key-sn=9784")
			.run((context) -> assertFailure(context, "wx.login.api-security.platform-certificates", "is empty",
					SYMMETRIC_KEY));
	}

	@Test
	void whenTheCertificateIsTheAppsOwnKeyOrNoCertificateThenStartUpFailsNamingIt() {
		this.contextRunner.withPropertyValues(security("wx.login.api-security"))
			.withPropertyValues("wx.login.api-security.platform-certificates[0].certificate=" + PRIVATE_KEY)
			.run((context) -> assertFailure(context, "wx.login.api-security.platform-certificates[0].certificate",
					"no readable certificate", SYMMETRIC_KEY));
	}

	@Test
	void whenTheCertificatesNumberIsMissingThenStartUpFailsNamingIt() {
		this.contextRunner.withPropertyValues(security("wx.login.api-security"))
			.withPropertyValues("wx.login.api-security.platform-certificates[0].number=")
			.run((context) -> assertFailure(context, "wx.login.api-security.platform-certificates[0].number",
					"is not set", SYMMETRIC_KEY));
	}

	private static WxApp defaultApp(AssertableApplicationContext context) {
		return context.getBean(WxApps.class).defaultApp().orElseThrow();
	}

	private static void assertFailure(AssertableApplicationContext context, String property, String problem,
			String secret) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new WxLoginFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("failure analysis").isNotNull();
		assertThat(analysis.getDescription()).contains(property).contains(problem);
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(secret);
	}

}
