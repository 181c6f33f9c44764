package io.github.wxlogin.web;

import io.github.wxlogin.http.WxErrorCodes;
import io.github.wxlogin.login.WxSignInService;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Counts the observed logins (phone-number logins among them) and refreshes of {@link WxSignInService} in
 * {@link WxLoginMetrics}, under the names the starter has always used ({@code wxlogin.logins},
 * {@code wxlogin.token.refreshes}): by outcome when the call succeeded, by the {@code code} of its reply
 * when it threw. Counts the phone numbers WeChat gave, which it charges for, by mini program.
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
		String name = context.getName();
		return name != null && switch (name) {
			case WxSignInService.LOGIN_OBSERVATION, WxSignInService.PHONE_LOGIN_OBSERVATION,
					WxSignInService.REFRESH_OBSERVATION, WxSignInService.PHONE_NUMBER_OBSERVATION ->
				true;
			default -> false;
		};
	}

	@Override
	public void onStop(Observation.Context context) {
		String outcome = outcomeOf(context);
		switch (context.getName()) {
			case WxSignInService.REFRESH_OBSERVATION -> this.metrics.refresh(outcome);
			case WxSignInService.PHONE_NUMBER_OBSERVATION -> {
				KeyValue appid = context.getLowCardinalityKeyValue(WxSignInService.APPID_KEY);
				if (context.getError() == null && appid != null) {
					this.metrics.phoneNumber(appid.getValue());
				}
			}
			default -> this.metrics.login(outcome);
		}
	}

	private static String outcomeOf(Observation.Context context) {
		Throwable error = context.getError();
		if (error != null) {
			return WxErrorCodes.of(error).code();
		}
		KeyValue outcome = context.getLowCardinalityKeyValue(WxSignInService.OUTCOME_KEY);
		return (outcome != null) ? outcome.getValue() : WxSignInService.REFUSED;
	}

}
