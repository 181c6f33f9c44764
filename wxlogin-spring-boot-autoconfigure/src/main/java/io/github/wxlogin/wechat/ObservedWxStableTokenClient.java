package io.github.wxlogin.wechat;

import java.time.Clock;

import io.micrometer.observation.ObservationRegistry;

/**
 * A {@link WxStableTokenClient} observed as {@link ObservedWxApiClient} observes the other calls (API
 * {@code stable_token}), which also keeps the dates of the last token fetched for the health probe and the
 * token gauge, and when each app's was, for the {@code wxapps} endpoint; never the token.
 */
public class ObservedWxStableTokenClient implements WxStableTokenClient {

	private final WxStableTokenClient delegate;

	private final WxApiObserver observer;

	/**
	 * Create an observed client.
	 * @param delegate the client that fetches tokens
	 * @param registry the observation registry, {@link ObservationRegistry#NOOP} to observe nothing
	 * @param outcomes where the last outcomes and the token's dates are kept
	 * @param clock the clock that dates outcomes
	 */
	public ObservedWxStableTokenClient(WxStableTokenClient delegate, ObservationRegistry registry,
			WxApiOutcomes outcomes, Clock clock) {
		this.delegate = delegate;
		this.observer = new WxApiObserver(registry, outcomes, clock);
	}

	@Override
	public WeChatAccessToken stableAccessToken(WxApp app, boolean forceRefresh) {
		WeChatAccessToken token = this.observer.observe(RestClientWxStableTokenClient.STABLE_TOKEN,
				() -> this.delegate.stableAccessToken(app, forceRefresh));
		this.observer.outcomes().tokenFetched(app.appid(), token, this.observer.now());
		return token;
	}

}
