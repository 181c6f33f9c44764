package io.github.wxlogin.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.clock.SettableClock;
import io.github.wxlogin.session.CaffeineRefreshTokenStore;
import io.github.wxlogin.session.CaffeineTokenRevocationStore;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.session.WxSessionActivity;
import io.github.wxlogin.session.WxSessionEndReason;
import io.github.wxlogin.token.WxIssuedTokens;
import io.github.wxlogin.token.WxRefreshRefusedException;
import io.github.wxlogin.token.WxTokenService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How many sessions an account may hold in each mini program: {@code wx.login.sessions.max-per-account}
 * for every mini program, {@code wx.login.apps.<name>.sessions.max-per-account} for one; and how long a
 * session may go unused, {@code wx.login.sessions.idle-timeout}, for every mini program.
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

	@Test
	void byDefaultSessionsNeverGoIdleAndNoUseIsRecorded() {
		this.oneApp.run((context) -> {
			assertThat(context.getBean(WxLoginSessionService.class).idleTimeout()).isZero();
			assertThat(context).hasSingleBean(WxSessionActivity.class);
		});
	}

	@Test
	void idleTimeoutEndsASessionUnusedThatLongAtItsRefresh() {
		SettableClock clock = new SettableClock();
		this.oneApp.withPropertyValues("wx.login.sessions.idle-timeout=1h")
			.withBean(Clock.class, () -> clock)
			.run((context) -> {
				assertThat(context.getBean(WxLoginSessionService.class).idleTimeout()).isEqualTo(Duration.ofHours(1));
				assertThat(context.getBean(WxSessionActivity.class).touchInterval()).isEqualTo(Duration.ofMinutes(1));
				WxTokenService tokens = context.getBean(WxTokenService.class);
				WxIssuedTokens used = tokens.issue(new WxPrincipal("alice", "openid-alice", APPID));
				WxIssuedTokens unused = tokens.issue(new WxPrincipal("bob", "openid-bob", APPID));
				clock.advance(Duration.ofMinutes(59));
				used = tokens.refresh(used.refreshToken()).orElseThrow();
				clock.advance(Duration.ofMinutes(1));
				assertThat(tokens.refresh(used.refreshToken())).isPresent();
				assertThatExceptionOfType(WxRefreshRefusedException.class)
					.isThrownBy(() -> tokens.refreshOrRefuse(unused.refreshToken(), (grant) -> grant))
					.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(WxSessionEndReason.IDLE_TIMEOUT));
			});
	}

	@Test
	void aShortIdleTimeoutIsRecordedTwiceWithinIt() {
		this.oneApp.withPropertyValues("wx.login.sessions.idle-timeout=90s")
			.run((context) -> assertThat(context.getBean(WxSessionActivity.class).touchInterval())
				.isEqualTo(Duration.ofSeconds(45)));
	}

	@Test
	void idleTimeoutOfOneMiniProgramFailsStartUpSayingWhatToSet() {
		this.twoApps.withPropertyValues("wx.login.apps.bank.sessions.idle-timeout=7d").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new WxLoginFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("wx.login.apps.bank.sessions.idle-timeout");
			assertThat(analysis.getAction()).contains("wx.login.sessions.idle-timeout");
		});
	}

	@Test
	void negativeIdleTimeoutFailsStartUp() {
		this.oneApp.withPropertyValues("wx.login.sessions.idle-timeout=-1m").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new WxLoginFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("idle-timeout").contains("negative");
		});
	}

}
