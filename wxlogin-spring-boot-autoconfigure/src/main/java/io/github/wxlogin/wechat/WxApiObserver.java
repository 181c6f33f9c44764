package io.github.wxlogin.wechat;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

import io.github.wxlogin.wechat.WxApiException.Reason;
import io.github.wxlogin.wechat.WxApiObservation.LowCardinalityKeyNames;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Observes one WeChat call: the observation {@link WxApiObservation#REQUEST} (a timer with the tags
 * {@code api}, {@code outcome} and {@code errcode}, and a span inside the request's trace), one log line
 * per failure, and the call's outcome kept for the health probe.
 */
final class WxApiObserver {

	private static final Log logger = LogFactory.getLog(WxApiObserver.class);

	private static final String SUCCESS = "success";

	private final ObservationRegistry registry;

	private final WxApiOutcomes outcomes;

	private final Clock clock;

	WxApiObserver(ObservationRegistry registry, WxApiOutcomes outcomes, Clock clock) {
		this.registry = registry;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	WxApiOutcomes outcomes() {
		return this.outcomes;
	}

	Instant now() {
		return this.clock.instant();
	}

	<T> T observe(String api, Supplier<T> call) {
		Observation observation = WxApiObservation.REQUEST.observation(this.registry)
			.contextualName("wechat " + api)
			.lowCardinalityKeyValue(LowCardinalityKeyNames.API.withValue(api))
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			T result = call.get();
			ended(observation, api, null, 0);
			return result;
		}
		catch (WxApiException ex) {
			ended(observation, api, ex.getReason(), ex.getErrcode());
			observation.error(ex);
			log(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private void ended(Observation observation, String api, @Nullable Reason reason, int errcode) {
		String outcome = (reason != null) ? outcome(reason) : SUCCESS;
		observation.lowCardinalityKeyValue(LowCardinalityKeyNames.OUTCOME.withValue(outcome))
			.lowCardinalityKeyValue(LowCardinalityKeyNames.ERRCODE.withValue(Integer.toString(errcode)));
		this.outcomes.record(api, new WxApiOutcomes.Outcome(outcome, reason, errcode, this.clock.instant()));
	}

	private static void log(WxApiException ex) {
		// The message names the API, the errcode and WeChat's rid, never a secret or a session key
		String line = "WeChat call failed (" + outcome(ex.getReason()) + "): " + ex.getMessage();
		switch (ex.getReason()) {
			// A user's code is the user's business: worth a line, not an alarm
			case INVALID_CODE -> logger.info(line);
			// Logged as an ERROR that says what to fix where WeChat's answer was read
			case CONFIG_ERROR -> {
			}
			case RISKY_USER, RATE_LIMITED, BUSY, UNAVAILABLE, TOKEN_REJECTED, BAD_RESPONSE, REFUSED -> logger.warn(line);
		}
	}

	/**
	 * The {@link LowCardinalityKeyNames#OUTCOME outcome} of a failure: the reason's own name in lower case, as the audit trail names
	 * it too, so that a WeChat failure has one name inside this package ({@code config_error}, for example);
	 * the endpoints' {@code wechat_*} codes are the HTTP contract's.
	 * @param reason what went wrong
	 * @return the tag
	 */
	static String outcome(Reason reason) {
		return reason.name().toLowerCase(Locale.ROOT);
	}

}
