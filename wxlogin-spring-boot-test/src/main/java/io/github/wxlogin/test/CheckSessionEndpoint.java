package io.github.wxlogin.test;

/**
 * {@code GET /wxa/checksession}: whether a signature was made with the user's current
 * session key.
 */
final class CheckSessionEndpoint implements WeChatEndpoint {

	private final StableAccessTokens tokens;

	private final MiniProgramUsers users;

	CheckSessionEndpoint(StableAccessTokens tokens, MiniProgramUsers users) {
		this.tokens = tokens;
		this.users = users;
	}

	@Override
	public WeChatReply answer(WeChatRequest request) {
		this.tokens.require(request.param("access_token"));
		MiniProgramUsers.User user = this.users.find(request.param("openid"));
		String signature = request.param("signature");
		if (user == null || signature == null || !"hmac_sha256".equals(request.param("sig_method"))
				|| !WeChatCrypto.constantTimeEquals(WeChatCrypto.checkSessionSignature(user.sessionKey()), signature)) {
			throw new WeChatApiError(87009);
		}
		return WeChatReply.json(new WeChatReply.ErrcodeBody(0, "ok"));
	}

}
