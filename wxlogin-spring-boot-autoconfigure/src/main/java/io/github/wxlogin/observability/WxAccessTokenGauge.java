package io.github.wxlogin.observability;

import java.time.Clock;
import java.time.Duration;

import io.github.wxlogin.wechat.WxApiOutcomes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The gauge {@code wxlogin.wechat.access.token.remaining}: the seconds the current WeChat access token
 * has left, 0 before the first is fetched. Spring Boot binds it to its meter registries.
 */
public class WxAccessTokenGauge implements MeterBinder {

	/** The gauge's name. */
	public static final String NAME = "wxlogin.wechat.access.token.remaining";

	private final WxApiOutcomes outcomes;

	private final Clock clock;

	/**
	 * Create the gauge.
	 * @param outcomes the WeChat calls' outcomes, which know the access token's expiry
	 * @param clock the clock that tells the token's remaining life
	 */
	public WxAccessTokenGauge(WxApiOutcomes outcomes, Clock clock) {
		this.outcomes = outcomes;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(NAME, this, WxAccessTokenGauge::remainingSeconds)
			.description("Seconds the current WeChat access token has left")
			.baseUnit("seconds")
			.register(registry);
	}

	private double remainingSeconds() {
		return this.outcomes.lastToken()
			.map((token) -> Math.max(0, Duration.between(this.clock.instant(), token.expiresAt()).toSeconds()))
			.orElse(0L);
	}

}
