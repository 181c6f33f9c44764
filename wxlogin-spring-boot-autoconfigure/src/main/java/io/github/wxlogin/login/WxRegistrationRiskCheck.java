package io.github.wxlogin.login;

import java.util.Locale;

import io.github.wxlogin.event.WxRiskVerdictEvent;
import io.github.wxlogin.event.WxRiskVerdictEvent.Decision;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApiException;
import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxRiskRank;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * WeChat's risk verdict on a user about to get a new account ({@code getuserriskrank}, scene 0), asked by
 * {@link WxSignInService} only when a login would create an account, never for a returning user. A rank at
 * or above the refusing one refuses the login with {@code risky_user}; a lower one lets it through. When
 * WeChat gives no verdict (61010: the user has not used the mini program recently, or WeChat fails), the
 * login goes on or is refused as the check fails open or closed. Each verdict is published as a
 * {@link WxRiskVerdictEvent} and observed as {@link WxLoginObservation#RISK_VERDICT}, tagged with the rank.
 */
public class WxRegistrationRiskCheck {

	private static final Log logger = LogFactory.getLog(WxRegistrationRiskCheck.class);

	private static final WxLoginObservationConvention DEFAULT_CONVENTION = new WxLoginObservationConvention();

	/** getuserriskrank's answer for a user who has not used the mini program recently: no verdict. */
	private static final int NO_RECENT_VISIT = 61010;

	private final WxApiClient wechat;

	private final Policy policy;

	private final ObservationRegistry observations;

	private final ApplicationEventPublisher events;

	/**
	 * Create the check.
	 * @param wechat the WeChat client
	 * @param policy what to do with each verdict
	 * @param observations where verdicts are observed, {@link ObservationRegistry#NOOP} for nowhere
	 * @param events where the verdicts are published
	 */
	public WxRegistrationRiskCheck(WxApiClient wechat, Policy policy, ObservationRegistry observations,
			ApplicationEventPublisher events) {
		this.wechat = wechat;
		this.policy = policy;
		this.observations = observations;
		this.events = events;
	}

	/**
	 * Ask WeChat's verdict on a user about to get a new account, and refuse the login when the policy says
	 * so.
	 * @param app the mini program
	 * @param openid the user
	 * @param clientIp the address the login request came from, or {@code null} when not known (then WeChat
	 * is not asked and there is no verdict)
	 * @param mobile the user's phone number when known, or {@code null}
	 * @return the verdict, to be {@linkplain #allowed published} once the account exists
	 * @throws WxApiException ({@code RISKY_USER}) if the login is refused; the WeChat failure itself when
	 * WeChat gave no verdict and the check fails closed
	 */
	public Verdict check(WxApp app, String openid, @Nullable String clientIp, @Nullable String mobile) {
		WxLoginObservationContext context = new WxLoginObservationContext(app.appid());
		return WxLoginObservation.RISK_VERDICT.observation(null, DEFAULT_CONVENTION, () -> context, this.observations)
			.observe(() -> {
				Integer rank = null;
				WxApiException failure = null;
				try {
					if (clientIp != null) {
						rank = this.wechat.riskRank(app, openid, clientIp, mobile, this.policy.testMode()).rank();
					}
				}
				catch (WxApiException ex) {
					failure = ex;
				}
				context.setRank((rank != null) ? Integer.toString(rank) : "none");
				Verdict verdict = decide(app, openid, rank, failure);
				context.setOutcome(verdict.decision().name().toLowerCase(Locale.ROOT));
				if (verdict.decision() == Decision.REFUSED || verdict.decision() == Decision.NO_VERDICT_REFUSED) {
					this.events.publishEvent(new WxRiskVerdictEvent(null, app.appid(), openid, rank, verdict.decision()));
					throw (failure != null && failure.getErrcode() != NO_RECENT_VISIT) ? failure
							: new WxApiException(WxApiException.Reason.RISKY_USER, "getuserriskrank",
									WxApiException.NO_ERRCODE, (rank != null) ? "risk rank " + rank + " refused"
											: "no risk verdict, and the risk check fails closed");
				}
				return verdict;
			});
	}

	/**
	 * Publish the verdict of a user let through, once the account exists.
	 * @param verdict the verdict
	 * @param accountId the account created
	 */
	public void allowed(Verdict verdict, String accountId) {
		this.events.publishEvent(new WxRiskVerdictEvent(accountId, verdict.appid(), verdict.openid(), verdict.rank(),
				verdict.decision()));
	}

	private Verdict decide(WxApp app, String openid, @Nullable Integer rank, @Nullable WxApiException failure) {
		if (rank == null) {
			if (failure != null && failure.getErrcode() != NO_RECENT_VISIT) {
				logger.warn("No risk verdict from WeChat for a new user of " + app.appid() + " ("
						+ failure.getMessage() + "); the risk check fails " + (this.policy.failOpen() ? "open" : "closed")
						+ ".");
			}
			return new Verdict(app.appid(), openid, null,
					this.policy.failOpen() ? Decision.NO_VERDICT_ALLOWED : Decision.NO_VERDICT_REFUSED);
		}
		boolean refused = !this.policy.recordOnly() && rank >= this.policy.refuseAt();
		return new Verdict(app.appid(), openid, rank, refused ? Decision.REFUSED : Decision.ALLOWED);
	}

	/**
	 * What the check does with WeChat's verdicts.
	 *
	 * @param refuseAt the lowest rank refused, 1 to 4
	 * @param recordOnly whether every user is let through and the rank only recorded
	 * @param failOpen whether a login goes on when WeChat gives no verdict
	 * @param testMode whether WeChat is asked in its test mode ({@code is_test})
	 */
	public record Policy(int refuseAt, boolean recordOnly, boolean failOpen, boolean testMode) {

		/**
		 * Check the policy.
		 * @throws IllegalArgumentException if the refusing rank is not 1 to 4
		 */
		public Policy {
			if (refuseAt < 1 || refuseAt > WxRiskRank.HIGHEST) {
				throw new IllegalArgumentException("the refusing rank must be 1 to " + WxRiskRank.HIGHEST);
			}
		}

	}

	/**
	 * A verdict that let a user through.
	 *
	 * @param appid the mini program
	 * @param openid the user
	 * @param rank WeChat's rank, or {@code null} when it gave none
	 * @param decision what the check decided
	 */
	public record Verdict(String appid, String openid, @Nullable Integer rank, Decision decision) {

		@Override
		public String toString() {
			return "Verdict[appid=" + this.appid + ", rank=" + this.rank + ", decision=" + this.decision + "]";
		}

	}

}
