package io.github.wxlogin.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wxlogin.event.WxRiskVerdictEvent;
import io.github.wxlogin.event.WxRiskVerdictEvent.Decision;
import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.test.Api;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WeChat's risk verdict at registration: a user about to get a new account is checked with the client's
 * address (and phone in a phone login), refused at or above the configured rank, let through and recorded
 * below it or when WeChat has no verdict; a returning user's login never asks. Verdicts are counted per
 * rank.
 */
@Import({ LoginMetricsIntegrationTests.Observed.class, RiskCheckIntegrationTests.Recording.class })
@TestPropertySource(properties = { "wx.login.risk-check.enabled=true", "wx.login.risk-check.refuse-at=3",
		"spring.autoconfigure.exclude="
				+ "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration" })
class RiskCheckIntegrationTests extends HostIntegrationTest {

	@Autowired
	Verdicts verdicts;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void forget() {
		this.verdicts.received.clear();
		this.meters.clear();
	}

	@Test
	void newUserBelowTheRefusingRankIsLetThroughWithTheRankRecorded() {
		this.fake.riskRank("openid-risk-1", 2);
		Reply reply = login("openid-risk-1");
		assertThat(this.verdicts.received).singleElement().satisfies((verdict) -> {
			assertThat(verdict.accountId()).isEqualTo(reply.json().path("user").path("id").asString());
			assertThat(verdict.rank()).isEqualTo(2);
			assertThat(verdict.decision()).isEqualTo(Decision.ALLOWED);
			assertThat(verdict.openid()).doesNotContain("openid-risk-1");
		});
		assertThat(this.fake.riskRankRequests()).singleElement().satisfies((request) -> {
			assertThat(request.scene()).isZero();
			assertThat(request.clientIp()).isEqualTo("127.0.0.1");
			assertThat(request.mobileNo()).isNull();
		});
		assertThat(this.meters.get("wxlogin.risk.verdict").tags("rank", "2", "outcome", "allowed").timer().count())
			.isEqualTo(1);
	}

	@Test
	void newUserAtTheRefusingRankIsRefusedAndGetsNoAccount() {
		this.fake.riskRank("openid-risk-2", 3);
		assertProblem(this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode("openid-risk-2"))), 403,
				"risky_user");
		assertThat(this.verdicts.received).singleElement().satisfies((verdict) -> {
			assertThat(verdict.accountId()).isNull();
			assertThat(verdict.decision()).isEqualTo(Decision.REFUSED);
		});
		this.fake.riskRank("openid-risk-2", 0);
		assertThat(login("openid-risk-2").json().path("newUser").asBoolean()).isTrue();
		assertThat(this.meters.get("wxlogin.risk.verdict").tags("rank", "3", "outcome", "risky_user").timer().count())
			.isEqualTo(1);
	}

	@Test
	void returningUserIsNeverChecked() {
		login("openid-risk-3");
		this.fake.riskRank("openid-risk-3", 4);
		assertThat(login("openid-risk-3").json().path("newUser").asBoolean()).isFalse();
		assertThat(this.fake.callCount(Api.RISK_RANK)).isEqualTo(1);
	}

	@Test
	void noVerdictFailsOpenByDefault() {
		this.fake.noRiskVerdict("openid-risk-4");
		assertThat(login("openid-risk-4").json().path("newUser").asBoolean()).isTrue();
		assertThat(this.verdicts.received).singleElement().satisfies((verdict) -> {
			assertThat(verdict.rank()).isNull();
			assertThat(verdict.decision()).isEqualTo(Decision.NO_VERDICT_ALLOWED);
		});
		assertThat(this.meters.get("wxlogin.risk.verdict").tags("rank", "none").timer().count()).isEqualTo(1);
	}

	@Test
	void phoneLoginOfANewUserSendsThePhone() {
		this.fake.riskRank("openid-risk-5", 4);
		Reply refused = this.client.post("/wx/login/phone",
				this.fake.issuePhoneLoginCodes("openid-risk-5", "13800138501"));
		assertProblem(refused, 403, "risky_user");
		assertThat(this.fake.riskRankRequests()).singleElement()
			.satisfies((request) -> assertThat(request.mobileNo()).isEqualTo("13800138501"));
	}

	@Test
	void phoneLoginToTheAccountThatOwnsThePhoneIsNotChecked() {
		Reply first = this.client.post("/wx/login/phone",
				this.fake.issuePhoneLoginCodes("openid-risk-6", "13800138502"));
		assertThat(first.status().value()).as(first.body()).isEqualTo(200);
		Reply again = this.client.post("/wx/login/phone",
				this.fake.issuePhoneLoginCodes("openid-risk-6", "13800138502"));
		assertThat(again.status().value()).as(again.body()).isEqualTo(200);
		assertThat(this.fake.callCount(Api.RISK_RANK)).isEqualTo(1);
	}

	static class Verdicts {

		final List<WxRiskVerdictEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void record(WxRiskVerdictEvent event) {
			this.received.add(event);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Recording {

		@Bean
		Verdicts riskVerdicts() {
			return new Verdicts();
		}

	}

}
