package io.github.wxlogin.test;

/**
 * {@code GET /wxa/checksession}: whether a signature was made with the user's current
 * session key in the access token's mini program.
 */
final class CheckSessionEndpoint implements WeChatEndpoint {

	private final MiniPrograms apps;

	CheckSessionEndpoint(MiniPrograms apps) {
		this.apps = apps;
	}

	@Override
	public WeChatReply answer(WeChatRequest request) {
		MiniProgram app = this.apps.authorize(request.param("access_token"));
		MiniProgramUsers.User user = app.users().find(request.param("openid"));
		String signature = request.param("signature");
		if (user == null || signature == null || !"hmac_sha256".equals(request.param("sig_method"))
				|| !WeChatCrypto.constantTimeEquals(WeChatCrypto.checkSessionSignature(user.sessionKey()), signature)) {
			throw new WeChatApiError(87009);
		}
		return WeChatReply.json(new WeChatReply.ErrcodeBody(0, "ok"));
	}

}
