package io.github.wxlogin.observability;

import java.time.Clock;

import io.github.wxlogin.wechat.WxApiOutcomes;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code wxlogin} health indicator: {@link WxLoginHealth} on this Spring Boot line's Actuator.
 */
public class WxLoginHealthIndicator extends AbstractHealthIndicator {

	private final WxLoginHealth health;

	/**
	 * Create an indicator.
	 * @param outcomes the last outcomes of the WeChat calls
	 * @param clock the clock that tells the token's age
	 */
	public WxLoginHealthIndicator(WxApiOutcomes outcomes, Clock clock) {
		super("WeChat login health check failed");
		this.health = new WxLoginHealth(outcomes, clock);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.status(this.health.isDown() ? Status.DOWN : Status.UP).withDetails(this.health.details());
	}

}
