package io.github.wxlogin.it;

import java.util.Map;

import io.github.wxlogin.it.WxLoginClient.Reply;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins and refreshes are counted from the login service's observations, under the meter names the
 * starter has always used, with an observation registry set up as Spring Boot's Actuator sets it up.
 */
@Import(LoginMetricsIntegrationTests.Observed.class)
class LoginMetricsIntegrationTests extends HostIntegrationTest {

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void clearMeters() {
		this.meters.clear();
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

		assertThat(this.meters.get("wxlogin.wechat.phone.numbers").tag("appid", this.fake.appid()).counter().count())
			.isEqualTo(2);
		assertThat(count("wxlogin.logins", "new_user")).isEqualTo(2);
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

		assertThat(count("wxlogin.logins", "new_user")).isEqualTo(1);
		assertThat(count("wxlogin.logins", "returning")).isEqualTo(1);
		assertThat(count("wxlogin.logins", "invalid_code")).isEqualTo(1);
		assertThat(count("wxlogin.token.refreshes", "success")).isEqualTo(1);
		assertThat(count("wxlogin.token.refreshes", "invalid_refresh_token")).isEqualTo(1);
		// The observations' own timers come with them
		assertThat(this.meters.get("wxlogin.login").timers().stream().mapToLong(Timer::count).sum()).isEqualTo(3);
	}

	private double count(String name, String outcome) {
		return this.meters.get(name).tag("outcome", outcome).counter().count();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Observed {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		/** What Actuator does: every observation handler bean is applied, and meters are recorded. */
		@Bean
		ObservationRegistry observationRegistry(MeterRegistry meters, ObjectProvider<ObservationHandler<?>> handlers) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
			handlers.orderedStream().forEach(registry.observationConfig()::observationHandler);
			return registry;
		}

	}

}
