package io.github.wxlogin.test;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /cgi-bin/stable_token}: the stable access token, with no {@code errcode} on
 * success.
 */
final class StableTokenEndpoint implements WeChatEndpoint {

	private final AppCredentials credentials;

	private final StableAccessTokens tokens;

	StableTokenEndpoint(AppCredentials credentials, StableAccessTokens tokens) {
		this.credentials = credentials;
		this.tokens = tokens;
	}

	@Override
	public WeChatReply answer(WeChatRequest request) {
		String grantType = request.bodyText("grant_type");
		if (grantType != null && !"client_credential".equals(grantType)) {
			throw new WeChatApiError(40002);
		}
		this.credentials.verify(request.bodyText("appid"), request.bodyText("secret"));
		StableAccessTokens.StableToken token = this.tokens.obtain(request.bodyFlag("force_refresh"));
		return WeChatReply.json(new TokenBody(token.accessToken(), token.expiresIn()));
	}

	record TokenBody(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
	}

}
