package io.github.wxlogin.login;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link WxLoginObservation} knows of its call: the mini program when it is known up front, and how
 * the call ended when it succeeded ({@link Observation.Context#getError() the error} when it threw).
 */
public class WxLoginObservationContext extends Observation.Context {

	private final @Nullable String appid;

	private @Nullable String outcome;

	private @Nullable String rank;

	/**
	 * Create the context of a call.
	 * @param appid the mini program, or {@code null} when the observation does not name one
	 */
	public WxLoginObservationContext(@Nullable String appid) {
		this.appid = appid;
	}

	/**
	 * Return the mini program of the call.
	 * @return the appid, or {@code null}
	 */
	public @Nullable String getAppid() {
		return this.appid;
	}

	/**
	 * Return how the call ended, once it succeeded.
	 * @return {@code new_user}, {@code returning} or {@code success}, or {@code null} before the call
	 * succeeded
	 */
	public @Nullable String getOutcome() {
		return this.outcome;
	}

	/**
	 * Set how the call ended.
	 * @param outcome {@code new_user}, {@code returning} or {@code success}
	 */
	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

	/**
	 * Return WeChat's risk rank of a {@link WxLoginObservation#RISK_VERDICT}.
	 * @return {@code 0} to {@code 4}, {@code none} when WeChat gave no verdict, or {@code null} for other
	 * observations
	 */
	public @Nullable String getRank() {
		return this.rank;
	}

	/**
	 * Set WeChat's risk rank.
	 * @param rank {@code 0} to {@code 4}, or {@code none}
	 */
	public void setRank(String rank) {
		this.rank = rank;
	}

}
