package io.github.wxlogin.observability;

import java.time.Clock;
import java.time.Duration;

import io.github.wxlogin.wechat.WxApiOutcomes;
import io.github.wxlogin.web.WxLoginMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@link WxLoginMetrics} on Micrometer: the counters {@code wxlogin.logins} and
 * {@code wxlogin.token.refreshes} (tag {@code outcome}), {@code wxlogin.wechat.phone.numbers} (tag
 * {@code appid}: the phone numbers WeChat gave, each of which it charges for) and the gauge
 * {@code wxlogin.wechat.access.token.remaining}, the seconds the current WeChat access token has left.
 */
public class MicrometerWxLoginMetrics implements WxLoginMetrics {

	private final MeterRegistry registry;

	/**
	 * Create the metrics and register the gauge.
	 * @param registry the meter registry
	 * @param outcomes the WeChat calls' outcomes, which know the access token's expiry
	 * @param clock the clock that tells the token's remaining life
	 */
	public MicrometerWxLoginMetrics(MeterRegistry registry, WxApiOutcomes outcomes, Clock clock) {
		this.registry = registry;
		Gauge.builder("wxlogin.wechat.access.token.remaining", outcomes,
				(state) -> state.lastToken()
					.map((token) -> Math.max(0, Duration.between(clock.instant(), token.expiresAt()).toSeconds()))
					.orElse(0L))
			.description("Seconds the current WeChat access token has left")
			.baseUnit("seconds")
			.register(registry);
	}

	@Override
	public void login(String outcome) {
		Counter.builder("wxlogin.logins").description("Logins by outcome").tag("outcome", outcome)
			.register(this.registry).increment();
	}

	@Override
	public void phoneNumber(String appid) {
		Counter.builder("wxlogin.wechat.phone.numbers")
			.description("Phone numbers WeChat gave (getuserphonenumber successes), each of which it charges for")
			.tag("appid", appid)
			.register(this.registry)
			.increment();
	}

	@Override
	public void refresh(String outcome) {
		Counter.builder("wxlogin.token.refreshes").description("Token refreshes by outcome").tag("outcome", outcome)
			.register(this.registry).increment();
	}

}
