package io.github.wxlogin.wechat;

import java.time.Clock;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A {@link WxApiClient} that observes every call: a Micrometer observation named
 * {@code wxlogin.wechat.requests} (a timer with the tags {@code api}, {@code outcome} and
 * {@code errcode}, and a span inside the request's trace), one log line per failure, and the last outcome
 * per API for the health probe.
 */
public class ObservedWxApiClient implements WxApiClient {

	static final String CONFIG_ERROR = "config_error";

	private static final Log logger = LogFactory.getLog(ObservedWxApiClient.class);

	private static final String SUCCESS = "success";

	private final WxApiClient delegate;

	private final ObservationRegistry registry;

	private final WxApiOutcomes outcomes;

	private final Clock clock;

	/**
	 * Create an observed client.
	 * @param delegate the client that makes the calls
	 * @param registry the observation registry, {@link ObservationRegistry#NOOP} to observe nothing
	 * @param outcomes where the last outcomes are kept
	 * @param clock the clock that dates outcomes
	 */
	public ObservedWxApiClient(WxApiClient delegate, ObservationRegistry registry, WxApiOutcomes outcomes,
			Clock clock) {
		this.delegate = delegate;
		this.registry = registry;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	@Override
	public WxSession code2Session(WxApp app, String code) {
		return observe("jscode2session", () -> this.delegate.code2Session(app, code));
	}

	@Override
	public WxAccessToken stableAccessToken(WxApp app, boolean forceRefresh) {
		WxAccessToken token = observe("stable_token", () -> this.delegate.stableAccessToken(app, forceRefresh));
		this.outcomes.tokenFetched(token, this.clock.instant());
		return token;
	}

	@Override
	public WxPhoneInfo phoneNumber(String accessToken, String code, String openid) {
		return observe(WxErrcodes.PHONE_NUMBER, () -> this.delegate.phoneNumber(accessToken, code, openid));
	}

	@Override
	public WxContentVerdict msgSecCheck(String accessToken, String openid, String content) {
		return observe("msg_sec_check", () -> this.delegate.msgSecCheck(accessToken, openid, content));
	}

	@Override
	public boolean checkSession(String accessToken, String openid, String sessionKey) {
		return observe("checksession", () -> this.delegate.checkSession(accessToken, openid, sessionKey));
	}

	private <T> T observe(String api, Supplier<T> call) {
		Observation observation = Observation.createNotStarted("wxlogin.wechat.requests", this.registry)
			.contextualName("wechat " + api)
			.lowCardinalityKeyValue("api", api)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			T result = call.get();
			ended(observation, api, SUCCESS, 0);
			return result;
		}
		catch (WxApiException ex) {
			String outcome = outcome(ex);
			ended(observation, api, outcome, ex.getErrcode());
			observation.error(ex);
			log(ex, outcome);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private void ended(Observation observation, String api, String outcome, int errcode) {
		observation.lowCardinalityKeyValue("outcome", outcome).lowCardinalityKeyValue("errcode", Integer.toString(errcode));
		this.outcomes.record(api, new WxApiOutcomes.Outcome(outcome, errcode, this.clock.instant()));
	}

	private static void log(WxApiException ex, String outcome) {
		// The message names the API, the errcode and WeChat's rid, never a secret or a session key
		String line = "WeChat call failed (" + outcome + "): " + ex.getMessage();
		if (ex instanceof WxInvalidCodeException) {
			logger.info(line);
		}
		else if (!(ex instanceof WxConfigurationException)) {
			logger.warn(line);
		}
	}

	static String outcome(WxApiException ex) {
		if (ex instanceof WxInvalidCodeException) {
			return "invalid_code";
		}
		if (ex instanceof WxRateLimitedException) {
			return "rate_limited";
		}
		if (ex instanceof WxRiskyUserException) {
			return "risky_user";
		}
		if (ex instanceof WxBusyException) {
			return "busy";
		}
		if (ex instanceof WxTokenRejectedException) {
			return "token_rejected";
		}
		if (ex instanceof WxConfigurationException) {
			return CONFIG_ERROR;
		}
		if (ex instanceof WxBadResponseException) {
			return "bad_response";
		}
		if (ex instanceof WxUnavailableException) {
			return "unavailable";
		}
		return "error";
	}

}
