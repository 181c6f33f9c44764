package io.github.wxlogin.test;

import java.time.Clock;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /wxa/business/getuserphonenumber}: the phone number behind a phone code,
 * watermarked with the AppID of the access token's mini program. A code issued in another
 * mini program is refused, and so is, with an {@code openid} in the body, a code issued
 * for another user.
 */
final class PhoneNumberEndpoint implements WeChatEndpoint {

	private final MiniPrograms apps;

	private final OneTimeCodes<PhoneGrant> phoneCodes;

	private final Clock clock;

	PhoneNumberEndpoint(MiniPrograms apps, OneTimeCodes<PhoneGrant> phoneCodes, Clock clock) {
		this.apps = apps;
		this.phoneCodes = phoneCodes;
		this.clock = clock;
	}

	@Override
	public WeChatReply answer(WeChatRequest request) {
		MiniProgram app = this.apps.authorize(request.param("access_token"));
		String code = request.bodyText("code");
		if (code == null) {
			throw new WeChatApiError(47001);
		}
		String openid = request.bodyText("openid");
		PhoneGrant grant = this.phoneCodes.redeem(code, (candidate) -> candidate.redeemableBy(app.appid(), openid))
			.grant();
		if (grant == null) {
			throw new WeChatApiError(40029);
		}
		PhoneInfo phoneInfo = PhoneInfo.of(grant.phone(), Watermark.now(this.clock, app.appid()));
		return WeChatReply.json(new PhoneNumberBody(0, "ok", phoneInfo));
	}

	record PhoneNumberBody(int errcode, String errmsg, @JsonProperty("phone_info") PhoneInfo phoneInfo) {
	}

}
