package io.github.wxlogin.observability;

import io.github.wxlogin.wechat.WxApiCallQueue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The gauge {@code wxlogin.wechat.calls.waiting}: the WeChat calls waiting for their turn now
 * ({@code wx.login.http.max-concurrent-calls}). A line that stays long says the instance makes more WeChat
 * calls at once than it lets through, not that WeChat is away. Spring Boot binds it to its meter registries.
 */
public class WxApiCallQueueGauge implements MeterBinder {

	/** The gauge's name. */
	public static final String NAME = "wxlogin.wechat.calls.waiting";

	private final WxApiCallQueue queue;

	/**
	 * Create the gauge.
	 * @param queue the line of WeChat calls
	 */
	public WxApiCallQueueGauge(WxApiCallQueue queue) {
		this.queue = queue;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(NAME, this.queue, WxApiCallQueue::waiting)
			.description("WeChat calls waiting for their turn")
			.baseUnit("calls")
			.register(registry);
	}

}
