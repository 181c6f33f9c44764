package io.github.wxlogin.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.web.client.RestClient;

/**
 * {@link WxStableTokenClient} on Spring's {@link RestClient}, in normal mode unless a refresh is forced.
 */
public class RestClientWxStableTokenClient implements WxStableTokenClient {

	/** The API's name, as exceptions and metrics name it. */
	static final String STABLE_TOKEN = "stable_token";

	private final WxApiCalls calls;

	private final Clock clock;

	/**
	 * Create a client.
	 * @param restClient a client whose base URL is WeChat's API root and whose request factory has the
	 * timeouts to use
	 * @param clock the clock that dates tokens
	 * @param busyBackoff the pauses before each retry of a call WeChat answered with {@code -1}
	 */
	public RestClientWxStableTokenClient(RestClient restClient, Clock clock, Duration... busyBackoff) {
		this(() -> restClient, clock, busyBackoff);
	}

	/**
	 * Create a client whose {@link RestClient} is made when first asked for, so that nothing of the HTTP
	 * client is built before the first call.
	 * @param restClient supplies a client whose base URL is WeChat's API root and whose request factory has
	 * the timeouts to use, asked for on each call (it should hand out one client)
	 * @param clock the clock that dates tokens
	 * @param busyBackoff the pauses before each retry of a call WeChat answered with {@code -1}
	 */
	public RestClientWxStableTokenClient(Supplier<RestClient> restClient, Clock clock, Duration... busyBackoff) {
		this.calls = new WxApiCalls(restClient, busyBackoff);
		this.clock = clock;
	}

	@Override
	public WeChatAccessToken stableAccessToken(WxApp app, boolean forceRefresh) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("grant_type", "client_credential");
		body.put("appid", app.appid());
		body.put("secret", app.secret());
		body.put("force_refresh", forceRefresh);
		Map<String, Object> reply = this.calls.call(STABLE_TOKEN,
				() -> this.calls.post((uri) -> uri.path("/cgi-bin/stable_token").build(), body));
		String token = WxApiCalls.required(STABLE_TOKEN, reply, "access_token");
		long expiresIn = WxApiCalls.number(reply, "expires_in");
		if (expiresIn <= 0) {
			throw WxApiCalls.badResponse(STABLE_TOKEN, "reply has no positive expires_in");
		}
		return new WeChatAccessToken(token, this.clock.instant().plusSeconds(expiresIn));
	}

}
