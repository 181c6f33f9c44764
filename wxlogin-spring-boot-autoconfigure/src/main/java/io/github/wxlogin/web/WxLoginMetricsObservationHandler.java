package io.github.wxlogin.web;

import io.github.wxlogin.login.WxSignInService;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Counts the observed logins and refreshes of {@link WxSignInService} in {@link WxLoginMetrics}, under
 * the names the starter has always used ({@code wxlogin.logins}, {@code wxlogin.token.refreshes}): by
 * outcome when the call succeeded, by the {@code code} of its reply when it threw.
 */
public class WxLoginMetricsObservationHandler implements ObservationHandler<Observation.Context> {

	private final WxLoginMetrics metrics;

	/**
	 * Create a handler.
	 * @param metrics where logins and refreshes are counted
	 */
	public WxLoginMetricsObservationHandler(WxLoginMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return WxSignInService.LOGIN_OBSERVATION.equals(context.getName())
				|| WxSignInService.REFRESH_OBSERVATION.equals(context.getName());
	}

	@Override
	public void onStop(Observation.Context context) {
		String outcome = outcomeOf(context);
		if (WxSignInService.LOGIN_OBSERVATION.equals(context.getName())) {
			this.metrics.login(outcome);
		}
		else {
			this.metrics.refresh(outcome);
		}
	}

	private static String outcomeOf(Observation.Context context) {
		Throwable error = context.getError();
		if (error != null) {
			return WxLoginExceptionHandler.errorCodeOf(error).code();
		}
		KeyValue outcome = context.getLowCardinalityKeyValue(WxSignInService.OUTCOME_KEY);
		return (outcome != null) ? outcome.getValue() : WxSignInService.REFUSED;
	}

}
