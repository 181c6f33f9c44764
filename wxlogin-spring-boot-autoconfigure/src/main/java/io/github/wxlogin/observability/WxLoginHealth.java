package io.github.wxlogin.observability;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.wxlogin.wechat.WxApiOutcomes;

/**
 * The {@code wxlogin} health, apart from the Actuator types that differ between Spring Boot lines: down
 * when WeChat's last answer to a call was that the mini program's own configuration is wrong, up
 * otherwise, with the last outcome of each API and the access token's age. Read from what earlier calls
 * left behind: a probe never calls WeChat.
 */
public class WxLoginHealth {

	private final WxApiOutcomes outcomes;

	private final Clock clock;

	/**
	 * Create the health.
	 * @param outcomes the last outcomes of the WeChat calls
	 * @param clock the clock that tells the token's age
	 */
	public WxLoginHealth(WxApiOutcomes outcomes, Clock clock) {
		this.outcomes = outcomes;
		this.clock = clock;
	}

	/**
	 * Return whether WeChat last refused the mini program's own configuration.
	 * @return whether the health is down
	 */
	public boolean isDown() {
		return this.outcomes.lastOutcomes().values().stream().anyMatch(WxApiOutcomes.Outcome::isConfigurationError);
	}

	/**
	 * Return the details to show: the last outcome of each API and the access token's age, never the
	 * token.
	 * @return the details
	 */
	public Map<String, Object> details() {
		Map<String, Object> apis = new LinkedHashMap<>();
		this.outcomes.lastOutcomes()
			.forEach((api, outcome) -> apis.put(api, Map.of("outcome", outcome.outcome(), "errcode",
					outcome.errcode(), "at", outcome.at().toString())));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("lastOutcomes", apis);
		this.outcomes.lastToken().ifPresent((token) -> details.put("accessToken",
				Map.of("ageSeconds", Duration.between(token.fetchedAt(), this.clock.instant()).toSeconds(),
						"remainingSeconds",
						Math.max(0, Duration.between(this.clock.instant(), token.expiresAt()).toSeconds()))));
		return details;
	}

}
