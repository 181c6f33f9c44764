package io.github.wxlogin.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.github.wxlogin.session.CaffeineRefreshTokenStore;
import io.github.wxlogin.session.CaffeineTokenRevocationStore;
import io.github.wxlogin.session.WxLoginSessionService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many sessions an account may hold in each mini program: {@code wx.login.sessions.max-per-account}
 * for every mini program, {@code wx.login.apps.<name>.sessions.max-per-account} for one.
 */
class WxLoginSessionsConfigurationTests {

	private static final String APPID = "wx0123456789abcdef";

	private static final String OTHER_APPID = "wxfedcba9876543210";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class));

	private final ApplicationContextRunner oneApp = this.contextRunner.withPropertyValues("wx.login.appid=" + APPID,
			"wx.login.secret=a-secret");

	private final ApplicationContextRunner twoApps = this.contextRunner.withPropertyValues(
			"wx.login.apps.shop.appid=" + APPID, "wx.login.apps.shop.secret=a-secret",
			"wx.login.apps.bank.appid=" + OTHER_APPID, "wx.login.apps.bank.secret=another-secret");

	@Test
	void byDefaultAnAccountMayHoldAnyNumberOfSessions() {
		this.oneApp.run((context) -> assertThat(context.getBean(WxLoginSessionService.class).maxSessionsPerAccount(APPID))
			.isEmpty());
	}

	@Test
	void limitOfTheShortFormAppliesToItsMiniProgram() {
		this.oneApp.withPropertyValues("wx.login.sessions.max-per-account=1")
			.run((context) -> assertThat(context.getBean(WxLoginSessionService.class).maxSessionsPerAccount(APPID))
				.hasValue(1));
	}

	@Test
	void miniProgramsTakeTheSharedLimitUnlessTheySetTheirOwn() {
		this.twoApps.withPropertyValues("wx.login.sessions.max-per-account=3",
				"wx.login.apps.bank.sessions.max-per-account=1")
			.run((context) -> {
				WxLoginSessionService sessions = context.getBean(WxLoginSessionService.class);
				assertThat(sessions.maxSessionsPerAccount(APPID)).hasValue(3);
				assertThat(sessions.maxSessionsPerAccount(OTHER_APPID)).hasValue(1);
			});
	}

	@Test
	void limitOfOneMiniProgramLeavesTheOthersUnlimited() {
		this.twoApps.withPropertyValues("wx.login.apps.bank.sessions.max-per-account=1").run((context) -> {
			WxLoginSessionService sessions = context.getBean(WxLoginSessionService.class);
			assertThat(sessions.maxSessionsPerAccount(APPID)).isEmpty();
			assertThat(sessions.maxSessionsPerAccount(OTHER_APPID)).hasValue(1);
		});
	}

	@Test
	void limitBelowOneFailsStartUpSayingWhatToSet() {
		this.twoApps.withPropertyValues("wx.login.apps.bank.sessions.max-per-account=0").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new WxLoginFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("max-per-account").contains("below 1");
			assertThat(analysis.getAction()).contains("wx.login.apps.<name>.sessions");
		});
	}

	@Test
	void whenHostDefinesTheSessionServiceThenTheStarterBacksOff() {
		Clock clock = Clock.systemUTC();
		this.oneApp.withBean(WxLoginSessionService.class,
				() -> new WxLoginSessionService(new CaffeineRefreshTokenStore(clock, Duration.ofDays(1)),
						new CaffeineTokenRevocationStore(clock, Duration.ZERO), Map.of(APPID, 7), Duration.ofHours(2),
						clock))
			.run((context) -> assertThat(context.getBean(WxLoginSessionService.class).maxSessionsPerAccount(APPID))
				.hasValue(7));
	}

}
