package io.github.wxlogin.test;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /sns/jscode2session}: a login code for the user's openid and session key.
 * A code exchanges only with the credentials of the mini program it was issued in.
 * Answers {@code text/plain}, errors included, and with no {@code errcode} on success, as
 * WeChat does.
 */
final class Code2SessionEndpoint implements WeChatEndpoint {

	private final MiniPrograms apps;

	private final OneTimeCodes<LoginGrant> loginCodes;

	Code2SessionEndpoint(MiniPrograms apps, OneTimeCodes<LoginGrant> loginCodes) {
		this.apps = apps;
		this.loginCodes = loginCodes;
	}

	@Override
	public WeChatReply answer(WeChatRequest request) {
		MiniProgram app = this.apps.authenticate(request.param("appid"), request.param("secret"));
		String code = request.param("js_code");
		if (code == null) {
			throw new WeChatApiError(41008);
		}
		OneTimeCodes.Redemption<LoginGrant> redemption = this.loginCodes.redeem(code,
				(grant) -> grant.appid().equals(app.appid()));
		LoginGrant grant = redemption.grant();
		if (grant == null) {
			throw new WeChatApiError(
					(redemption.outcome() == OneTimeCodes.Outcome.ALREADY_USED) ? 40163 : 40029);
		}
		return WeChatReply.json(new Session(grant.openid(), grant.sessionKey(), grant.unionid()));
	}

	@Override
	public String contentType() {
		return WeChatReply.TEXT;
	}

	record Session(String openid, @JsonProperty("session_key") String sessionKey, @Nullable String unionid) {
	}

}
