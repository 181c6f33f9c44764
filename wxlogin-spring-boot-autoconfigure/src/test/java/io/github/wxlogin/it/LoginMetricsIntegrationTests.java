package io.github.wxlogin.it;

import java.util.Map;

import io.github.wxlogin.it.WxLoginClient.Reply;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins, refreshes and the phone numbers WeChat gave are counted by the timers of their observations,
 * tagged by outcome or by the code of their refusal, with the observation and meter registries set up as
 * Spring Boot's Actuator sets them up.
 */
@Import(LoginMetricsIntegrationTests.Observed.class)
// Spring Boot 3.5's Actuator auto-configuration is on this module's class path (the wxapps endpoint compiles
// against it): its observation set-up would record every observation again beside the one set up below.
// Boot 4 keeps it in a module of its own, absent here, and ignores an exclusion of a class it does not have.
@TestPropertySource(properties = "spring.autoconfigure.exclude="
		+ "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration")
class LoginMetricsIntegrationTests extends HostIntegrationTest {

	@Autowired
	MeterRegistry meters;

	@Autowired
	ObjectProvider<MeterBinder> binders;

	@BeforeEach
	void clearMeters() {
		this.meters.clear();
		this.binders.orderedStream().forEach((binder) -> binder.bindTo(this.meters));
	}

	@Test
	void phoneNumbersWeChatGaveAreCountedPerMiniProgram() {
		Reply phoneLogin = this.client.post("/wx/login/phone",
				this.fake.issuePhoneLoginCodes("openid-metrics-phone-1", "13800138071"));
		assertThat(phoneLogin.status().value()).as(phoneLogin.body()).isEqualTo(200);
		String token = accessToken("openid-metrics-phone-2");
		assertThat(this.client.post("/wx/phone", token, Map.of("code", this.fake.issuePhoneCode("13800138072")))
			.status()
			.value()).isEqualTo(200);
		assertProblem(this.client.post("/wx/phone", token, Map.of("code", "never-issued")), 401, "invalid_code");

		assertThat(this.meters.get("wxlogin.phone.number")
			.tags("appid", this.fake.appid(), "outcome", "success")
			.timer()
			.count()).isEqualTo(2);
		assertThat(this.meters.get("wxlogin.phone.number")
			.tags("appid", this.fake.appid(), "outcome", "invalid_code")
			.timer()
			.count()).isEqualTo(1);
		assertThat(count("wxlogin.login.phone", "new_user")).isEqualTo(1);
		assertThat(count("wxlogin.login", "new_user")).isEqualTo(1);
		// The phone numbers needed WeChat's access token
		assertThat(this.meters.get("wxlogin.wechat.access.token.remaining").gauge().value()).isGreaterThan(60);
		// every call has had its turn and given it back
		assertThat(this.meters.get("wxlogin.wechat.calls.waiting").gauge().value()).isZero();
	}

	@Test
	void loginsAndRefreshesAreCountedByOutcomeOrByTheCodeOfTheirRefusal() {
		Reply first = login("openid-metrics-1");
		login("openid-metrics-1");
		assertProblem(this.client.post("/wx/login", Map.of("code", "never-issued")), 401, "invalid_code");
		Reply refreshed = this.client.post("/wx/token/refresh", Map.of("refreshToken", first.text("refreshToken")));
		assertThat(refreshed.status().value()).as(refreshed.body()).isEqualTo(200);
		assertProblem(this.client.post("/wx/token/refresh", Map.of("refreshToken", "unknown-token")), 401,
				"invalid_refresh_token");

		assertThat(count("wxlogin.login", "new_user")).isEqualTo(1);
		assertThat(count("wxlogin.login", "returning")).isEqualTo(1);
		assertThat(count("wxlogin.login", "invalid_code")).isEqualTo(1);
		assertThat(count("wxlogin.token.refresh", "success")).isEqualTo(1);
		assertThat(count("wxlogin.token.refresh", "invalid_refresh_token")).isEqualTo(1);
		assertThat(this.meters.get("wxlogin.login").timers()).extracting(this::tagKeys)
			.containsOnly("error,outcome");
		assertThat(this.meters.get("wxlogin.wechat.requests").tags("api", "jscode2session", "outcome", "success")
			.timer()
			.count()).isEqualTo(2);
	}

	@Test
	void theHandKeptCountersOfOldAreGone() {
		login("openid-metrics-old-names");
		assertThat(this.meters.find("wxlogin.logins").meters()).isEmpty();
		assertThat(this.meters.find("wxlogin.token.refreshes").meters()).isEmpty();
		assertThat(this.meters.find("wxlogin.wechat.phone.numbers").meters()).isEmpty();
		assertThat(this.meters.get("wxlogin.login").timer().count()).isEqualTo(1);
	}

	private long count(String name, String outcome) {
		return this.meters.get(name).tag("outcome", outcome).timer().count();
	}

	private String tagKeys(Timer timer) {
		return String.join(",", timer.getId().getTags().stream().map(Tag::getKey).sorted().toList());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Observed {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		/**
		 * What Actuator does: every global observation convention and observation handler bean is
		 * applied, and meters are recorded.
		 */
		@Bean
		ObservationRegistry observationRegistry(MeterRegistry meters,
				ObjectProvider<GlobalObservationConvention<?>> conventions,
				ObjectProvider<ObservationHandler<?>> handlers) {
			ObservationRegistry registry = ObservationRegistry.create();
			conventions.orderedStream().forEach(registry.observationConfig()::observationConvention);
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
			handlers.orderedStream().forEach(registry.observationConfig()::observationHandler);
			return registry;
		}

	}

}
