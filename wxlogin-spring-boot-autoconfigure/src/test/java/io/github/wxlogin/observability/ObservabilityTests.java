package io.github.wxlogin.observability;

import java.time.Clock;
import java.time.Duration;

import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.FakeWeChatServerExtension;
import io.github.wxlogin.test.Fault;
import io.github.wxlogin.wechat.CaffeineWxAccessTokenProvider;
import io.github.wxlogin.wechat.ObservedWxApiClient;
import io.github.wxlogin.wechat.ObservedWxStableTokenClient;
import io.github.wxlogin.wechat.RestClientWxApiClient;
import io.github.wxlogin.wechat.RestClientWxStableTokenClient;
import io.github.wxlogin.wechat.WxApiException;
import io.github.wxlogin.wechat.WxApiOutcomes;
import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxStableTokenClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ObservabilityTests {

	@RegisterExtension
	static final FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final WxApiOutcomes outcomes = new WxApiOutcomes();

	private final ObservationRegistry observations = observations();

	private final RestClient restClient = RestClient.builder().baseUrl(fake().baseUrl()).build();

	private final WxStableTokenClient stableTokens = new ObservedWxStableTokenClient(
			new RestClientWxStableTokenClient(this.restClient, Clock.systemUTC(), Duration.ofMillis(1)),
			this.observations, this.outcomes, Clock.systemUTC());

	private final ObservedWxApiClient client = new ObservedWxApiClient(
			new RestClientWxApiClient(this.restClient,
					new CaffeineWxAccessTokenProvider(this.stableTokens, Duration.ofMinutes(5), Clock.systemUTC()),
					Duration.ofMillis(1)),
			this.observations, this.outcomes, Clock.systemUTC());

	private ObservationRegistry observations() {
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
		return observations;
	}

	private static FakeWeChatServer fake() {
		return wechat.server();
	}

	private static WxApp app() {
		return new WxApp(fake().appid(), fake().secret());
	}

	@Test
	void everyCallIsTimedWithItsApiOutcomeAndErrcode() {
		this.client.code2Session(app(), fake().issueLoginCode("openid-metrics-1"));
		assertThatExceptionOfType(WxApiException.class).isThrownBy(() -> this.client.code2Session(app(), "bad-code"));
		assertThat(this.meters.get("wxlogin.wechat.requests")
			.tags("api", "jscode2session", "outcome", "success", "errcode", "0")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.get("wxlogin.wechat.requests")
			.tags("api", "jscode2session", "outcome", "invalid_code", "errcode", "40029")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.get("wxlogin.wechat.requests").timers())
			.allSatisfy((timer) -> assertThat(timer.getId().getTags()).extracting(Tag::getKey)
				.containsExactly("api", "errcode", "error", "outcome"));
	}

	@Test
	void healthIsUpWithTheLastOutcomesAndTheTokensAge() {
		this.stableTokens.stableAccessToken(app(), false);
		HealthProbe health = HealthProbe.of(new WxLoginHealthIndicator(this.outcomes, Clock.systemUTC()));
		assertThat(health.status()).isEqualTo("UP");
		assertThat(health.details()).containsKeys("lastOutcomes", "accessToken");
		assertThat(health.text()).doesNotContain(fake().secret());
	}

	@Test
	void healthIsDownAfterWeChatRefusedTheConfiguration() {
		fake().failNext(Api.STABLE_TOKEN, Fault.errcode(40164), 1);
		assertThatExceptionOfType(WxApiException.class).isThrownBy(() -> this.stableTokens.stableAccessToken(app(), false));
		HealthProbe health = HealthProbe.of(new WxLoginHealthIndicator(this.outcomes, Clock.systemUTC()));
		assertThat(health.status()).isEqualTo("DOWN");
		this.stableTokens.stableAccessToken(app(), false);
		assertThat(HealthProbe.of(new WxLoginHealthIndicator(this.outcomes, Clock.systemUTC())).status())
			.isEqualTo("UP");
	}

	@Test
	void theTokenGaugeTellsTheSecondsTheAccessTokenHasLeft() {
		new WxAccessTokenGauge(this.outcomes, Clock.systemUTC()).bindTo(this.meters);
		assertThat(this.meters.get("wxlogin.wechat.access.token.remaining").gauge().value()).isZero();
		this.stableTokens.stableAccessToken(app(), false);
		assertThat(this.meters.get("wxlogin.wechat.access.token.remaining").gauge().value()).isGreaterThan(60);
		assertThat(this.meters.get("wxlogin.wechat.requests")
			.tags("api", "stable_token", "outcome", "success", "errcode", "0")
			.timer()
			.count()).isEqualTo(1);
	}

}
