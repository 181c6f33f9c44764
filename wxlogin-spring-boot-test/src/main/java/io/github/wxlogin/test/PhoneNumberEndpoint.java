package io.github.wxlogin.test;

import java.time.Clock;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /wxa/business/getuserphonenumber}: the phone number behind a phone code.
 * With an {@code openid} in the body, a code issued for another user is refused.
 */
final class PhoneNumberEndpoint implements WeChatEndpoint {

	private final String appid;

	private final StableAccessTokens tokens;

	private final OneTimeCodes<PhoneGrant> phoneCodes;

	private final Clock clock;

	PhoneNumberEndpoint(String appid, StableAccessTokens tokens, OneTimeCodes<PhoneGrant> phoneCodes, Clock clock) {
		this.appid = appid;
		this.tokens = tokens;
		this.phoneCodes = phoneCodes;
		this.clock = clock;
	}

	@Override
	public WeChatReply answer(WeChatRequest request) {
		this.tokens.require(request.param("access_token"));
		String code = request.bodyText("code");
		if (code == null) {
			throw new WeChatApiError(47001);
		}
		String openid = request.bodyText("openid");
		PhoneGrant grant = this.phoneCodes.redeem(code, (candidate) -> candidate.redeemableBy(openid)).grant();
		if (grant == null) {
			throw new WeChatApiError(40029);
		}
		PhoneInfo phoneInfo = PhoneInfo.of(grant.phone(), Watermark.now(this.clock, this.appid));
		return WeChatReply.json(new PhoneNumberBody(0, "ok", phoneInfo));
	}

	record PhoneNumberBody(int errcode, String errmsg, @JsonProperty("phone_info") PhoneInfo phoneInfo) {
	}

}
