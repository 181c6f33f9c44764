package io.github.wxlogin.test;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /cgi-bin/stable_token}: the stable access token of the mini program whose
 * credentials the call sent, with no {@code errcode} on success.
 */
final class StableTokenEndpoint implements WeChatEndpoint {

	private final MiniPrograms apps;

	StableTokenEndpoint(MiniPrograms apps) {
		this.apps = apps;
	}

	@Override
	public WeChatReply answer(WeChatRequest request) {
		String grantType = request.bodyText("grant_type");
		if (grantType != null && !"client_credential".equals(grantType)) {
			throw new WeChatApiError(40002);
		}
		MiniProgram app = this.apps.authenticate(request.bodyText("appid"), request.bodyText("secret"));
		StableAccessTokens.StableToken token = app.tokens().obtain(request.bodyFlag("force_refresh"));
		return WeChatReply.json(new TokenBody(token.accessToken(), token.expiresIn()));
	}

	record TokenBody(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
	}

}
