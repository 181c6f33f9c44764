package io.github.wxlogin.wechat;

import java.time.Clock;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A {@link WxApiClient} that observes every call: the observation {@link WxApiObservation#REQUEST} (a
 * timer with the tags {@code api}, {@code outcome} and {@code errcode}, and a span inside the request's
 * trace), one log line per failure, and the last outcome
 * per API for the health probe. A call that fetches WeChat's access token on the way holds the token's
 * own observation, when the {@link WxStableTokenClient} is an {@link ObservedWxStableTokenClient}.
 */
public class ObservedWxApiClient implements WxApiClient {

	private final WxApiClient delegate;

	private final WxApiObserver observer;

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
		this.observer = new WxApiObserver(registry, outcomes, clock);
	}

	@Override
	public WxSession code2Session(WxApp app, String code) {
		return this.observer.observe("jscode2session", () -> this.delegate.code2Session(app, code));
	}

	@Override
	public WxPhoneInfo phoneNumber(WxApp app, String code, String openid) {
		return this.observer.observe(WxErrcodes.PHONE_NUMBER, () -> this.delegate.phoneNumber(app, code, openid));
	}

	@Override
	public WxContentVerdict msgSecCheck(WxApp app, String openid, String content) {
		return this.observer.observe("msg_sec_check", () -> this.delegate.msgSecCheck(app, openid, content));
	}

	@Override
	public boolean checkSession(WxApp app, String openid, String sessionKey) {
		return this.observer.observe("checksession", () -> this.delegate.checkSession(app, openid, sessionKey));
	}

	@Override
	public String mediaCheckAsync(WxApp app, String openid, String mediaUrl) {
		return this.observer.observe(WxErrcodes.MEDIA_CHECK_ASYNC,
				() -> this.delegate.mediaCheckAsync(app, openid, mediaUrl));
	}

	@Override
	public WxRiskRank riskRank(WxApp app, String openid, String clientIp, @Nullable String mobile, boolean test) {
		return this.observer.observe(WxErrcodes.RISK_RANK,
				() -> this.delegate.riskRank(app, openid, clientIp, mobile, test));
	}

	@Override
	public WxEncryptedDataCheck checkEncryptedData(WxApp app, String encryptedData) {
		return this.observer.observe(WxErrcodes.CHECK_ENCRYPTED_DATA,
				() -> this.delegate.checkEncryptedData(app, encryptedData));
	}

}
