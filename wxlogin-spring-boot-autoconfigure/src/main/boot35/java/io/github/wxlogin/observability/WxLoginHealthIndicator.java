package io.github.wxlogin.observability;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.wxlogin.wechat.WxApiOutcomes;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code wxlogin} health: down when WeChat's last answer to a call was that the mini program's own
 * configuration is wrong, up otherwise, with the last outcome of each API and the access token's age.
 * Read from what earlier calls left behind: a probe never calls WeChat.
 */
public class WxLoginHealthIndicator extends AbstractHealthIndicator {

	private final WxApiOutcomes outcomes;

	private final Clock clock;

	/**
	 * Create an indicator.
	 * @param outcomes the last outcomes of the WeChat calls
	 * @param clock the clock that tells the token's age
	 */
	public WxLoginHealthIndicator(WxApiOutcomes outcomes, Clock clock) {
		super("WeChat login health check failed");
		this.outcomes = outcomes;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, WxApiOutcomes.Outcome> last = this.outcomes.lastOutcomes();
		boolean misconfigured = last.values().stream().anyMatch(WxApiOutcomes.Outcome::isConfigurationError);
		builder.status(misconfigured ? Status.DOWN : Status.UP);
		Map<String, Object> apis = new LinkedHashMap<>();
		last.forEach((api, outcome) -> apis.put(api,
				Map.of("outcome", outcome.outcome(), "errcode", outcome.errcode(), "at", outcome.at().toString())));
		builder.withDetail("lastOutcomes", apis);
		this.outcomes.lastToken().ifPresent((token) -> builder.withDetail("accessToken",
				Map.of("ageSeconds", Duration.between(token.fetchedAt(), this.clock.instant()).toSeconds(),
						"remainingSeconds", Math.max(0, Duration.between(this.clock.instant(), token.expiresAt()).toSeconds()))));
	}

}
