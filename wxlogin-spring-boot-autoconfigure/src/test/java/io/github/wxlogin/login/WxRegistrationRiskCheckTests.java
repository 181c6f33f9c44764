package io.github.wxlogin.login;

import io.github.wxlogin.event.WxRiskVerdictEvent;
import io.github.wxlogin.event.WxRiskVerdictEvent.Decision;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.FakeWeChatServerExtension;
import io.github.wxlogin.test.Fault;
import io.github.wxlogin.wechat.WxApiException;
import io.github.wxlogin.wechat.WxApiException.Reason;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@link WxRegistrationRiskCheck} does with each verdict and with none, against the fake WeChat server.
 */
class WxRegistrationRiskCheckTests {

	@RegisterExtension
	static final FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private LoginUseCases useCases;

	@BeforeEach
	void setUp() {
		this.useCases = new LoginUseCases(wechat.server());
		wechat.server().reset();
	}

	private WxRegistrationRiskCheck check(int refuseAt, boolean recordOnly, boolean failOpen) {
		return new WxRegistrationRiskCheck(this.useCases.wechat,
				new WxRegistrationRiskCheck.Policy(refuseAt, recordOnly, failOpen, false), ObservationRegistry.NOOP,
				this.useCases.events::add);
	}

	@Test
	void recordOnlyLetsTheHighestRankThrough() {
		wechat.server().issueLoginCode("openid-rank-1");
		wechat.server().riskRank("openid-rank-1", 4);
		WxRegistrationRiskCheck.Verdict verdict = check(1, true, true).check(this.useCases.app, "openid-rank-1",
				"203.0.113.7", null);
		assertThat(verdict.rank()).isEqualTo(4);
		assertThat(verdict.decision()).isEqualTo(Decision.ALLOWED);
		assertThat(this.useCases.events).isEmpty();
	}

	@Test
	void failingClosedRefusesAUserWithoutAVerdictAsRisky() {
		wechat.server().issueLoginCode("openid-rank-2");
		wechat.server().noRiskVerdict("openid-rank-2");
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> check(4, false, false).check(this.useCases.app, "openid-rank-2", "203.0.113.7", null))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.RISKY_USER));
		assertThat(this.useCases.events).singleElement()
			.satisfies((event) -> assertThat(((WxRiskVerdictEvent) event).decision())
				.isEqualTo(Decision.NO_VERDICT_REFUSED));
	}

	@Test
	void failingClosedPassesWeChatsFailureOn() {
		wechat.server().issueLoginCode("openid-rank-3");
		wechat.server().failNext(Api.RISK_RANK, Fault.httpStatus(502), 1);
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> check(4, false, false).check(this.useCases.app, "openid-rank-3", "203.0.113.7", null))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BAD_RESPONSE));
	}

	@Test
	void failingOpenLetsAUserThroughWhenWeChatFails() {
		wechat.server().issueLoginCode("openid-rank-4");
		wechat.server().failNext(Api.RISK_RANK, Fault.httpStatus(502), 1);
		assertThat(check(4, false, true).check(this.useCases.app, "openid-rank-4", "203.0.113.7", null).decision())
			.isEqualTo(Decision.NO_VERDICT_ALLOWED);
	}

	@Test
	void withoutTheClientsAddressWeChatIsNotAsked() {
		assertThat(check(4, false, true).check(this.useCases.app, "openid-rank-5", null, null).decision())
			.isEqualTo(Decision.NO_VERDICT_ALLOWED);
		assertThat(wechat.server().callCount(Api.RISK_RANK)).isZero();
	}

}
