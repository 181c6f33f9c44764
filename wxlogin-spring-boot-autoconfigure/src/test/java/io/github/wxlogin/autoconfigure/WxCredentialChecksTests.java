package io.github.wxlogin.autoconfigure;

import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.token.WxSigningKey;
import io.github.wxlogin.wechat.WxApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up checks of the AppID, the AppSecret and the signing key: a {@code ${VARIABLE}} that nothing
 * defines counts as not set, and an AppID must look like WeChat's.
 */
@ExtendWith(OutputCaptureExtension.class)
class WxCredentialChecksTests {

	private static final String SECRET = "9f86d081884c7d659a2feaa0c55ad015";

	// As in the README's application.yml; the placeholders are resolved by the environment, as in an application
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("application.yml", Map.of("wx.login.appid", "wx0123456789abcdef",
					"wx.login.secret", "${WX_LOGIN_SECRET}", "wx.login.jwt.hmac-secret", "${WX_LOGIN_JWT_SECRET}"))));

	@Test
	void whenTheSecretsVariableIsNotDefinedThenStartUpFailsNamingIt() {
		this.contextRunner.run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).contains("wx.login.secret").contains("${WX_LOGIN_SECRET}")
				.contains("'WX_LOGIN_SECRET' is not defined");
			assertThat(analysis.getAction()).contains("Define the environment variable (or property) 'WX_LOGIN_SECRET'");
		});
	}

	@Test
	void whenTheVariablesAreDefinedThenTheirValuesAreUsed() {
		this.contextRunner
			.withSystemProperties("WX_LOGIN_SECRET=" + SECRET, "WX_LOGIN_JWT_SECRET=a-signing-secret-of-at-least-32-bytes!")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(WxApps.class).defaultApp()).map(WxApp::appid).hasValue("wx0123456789abcdef");
				assertThat(context.getBean(WxSigningKey.class).algorithm()).isEqualTo(JWSAlgorithm.HS256);
			});
	}

	@Test
	void whenTheSigningKeysVariableIsNotDefinedThenTheKeyCountsAsNotSetAndTheWarningNamesIt(CapturedOutput output) {
		this.contextRunner.withSystemProperties("WX_LOGIN_SECRET=" + SECRET).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(WxSigningKey.class).algorithm()).isEqualTo(JWSAlgorithm.ES256);
			assertThat(output).contains("'wx.login.jwt.hmac-secret' is set to ${WX_LOGIN_JWT_SECRET}, but "
					+ "'WX_LOGIN_JWT_SECRET' is not defined").doesNotContain("too short");
		});
	}

	@Test
	void whenANamedAppsAppidIsAnUndefinedVariableThenStartUpFailsNamingIt() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
			.withPropertyValues("wx.login.apps.shop.appid=${SHOP_APPID}", "wx.login.apps.shop.secret=" + SECRET)
			.run((context) -> assertThat(analysis(context).getDescription()).contains("wx.login.apps.shop.appid")
				.contains("'SHOP_APPID' is not defined"));
	}

	@Test
	void whenTheAppidIsNotWxAndSixteenHexDigitsThenStartUpFails() {
		for (String appid : new String[] { "wx123", "wxfake000000000001", "0123456789abcdef01", "wx0123456789abcdef0" }) {
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
				.withPropertyValues("wx.login.appid=" + appid, "wx.login.secret=" + SECRET)
				.run((context) -> {
					FailureAnalysis analysis = analysis(context);
					assertThat(analysis.getDescription()).as(appid)
						.contains("'wx.login.appid' is not an AppID: WeChat's are 'wx' and 16 hexadecimal digits");
					assertThat(analysis.getAction()).contains("wx.login.validate-appid-format=false");
				});
		}
	}

	@Test
	void testsWithMadeUpAppidsTurnTheFormatCheckOff() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
			.withPropertyValues("wx.login.appid=wxtest", "wx.login.secret=" + SECRET,
					"wx.login.validate-appid-format=false")
			.run((context) -> assertThat(context.getBean(WxApps.class).defaultApp()).map(WxApp::appid).hasValue("wxtest"));
	}

	private static FailureAnalysis analysis(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new WxLoginFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("failure analysis").isNotNull();
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(SECRET);
		return analysis;
	}

}
