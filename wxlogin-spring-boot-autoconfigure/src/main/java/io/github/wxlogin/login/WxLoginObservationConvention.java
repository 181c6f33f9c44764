package io.github.wxlogin.login;

import java.util.function.Function;

import io.github.wxlogin.login.WxLoginObservation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.Observation;

/**
 * The key values of the {@link WxLoginObservation login observations}: the {@code outcome} of each call
 * (for a refusal, the {@code code} of its reply), and the {@code appid} of a phone number WeChat gave.
 * <p>
 * The login services only know their failures; which {@code code} answers a failure is the HTTP
 * contract's business, so the auto-configuration registers this convention with the contract's mapping
 * (as a {@link GlobalObservationConvention} bean, which Spring Boot applies to its
 * {@code ObservationRegistry}). Without it, each refusal is {@value #REFUSED}. A host changes the keys by
 * declaring a bean of this type.
 */
public class WxLoginObservationConvention implements GlobalObservationConvention<WxLoginObservationContext> {

	/** The outcome of a call that threw when no code of the failure is known. */
	public static final String REFUSED = "refused";

	private final Function<Throwable, String> refusalCodes;

	/**
	 * Create a convention that tags every refusal {@value #REFUSED}.
	 */
	public WxLoginObservationConvention() {
		this((failure) -> REFUSED);
	}

	/**
	 * Create a convention that tags each refusal with the code of its failure.
	 * @param refusalCodes the code that answers a failure, such as {@code invalid_code}
	 */
	public WxLoginObservationConvention(Function<Throwable, String> refusalCodes) {
		this.refusalCodes = refusalCodes;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof WxLoginObservationContext;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(WxLoginObservationContext context) {
		KeyValues keyValues = KeyValues.of(LowCardinalityKeyNames.OUTCOME.withValue(outcomeOf(context)));
		String appid = context.getAppid();
		if (appid != null) {
			keyValues = keyValues.and(LowCardinalityKeyNames.APPID.withValue(appid));
		}
		String rank = context.getRank();
		return (rank != null) ? keyValues.and(LowCardinalityKeyNames.RANK.withValue(rank)) : keyValues;
	}

	private String outcomeOf(WxLoginObservationContext context) {
		Throwable error = context.getError();
		if (error != null) {
			return this.refusalCodes.apply(error);
		}
		String outcome = context.getOutcome();
		return (outcome != null) ? outcome : REFUSED;
	}

}
