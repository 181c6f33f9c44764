package io.github.wxlogin.test;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /wxa/media_check_async} (version 2): accepts an image URL for checking and
 * answers a trace id; the verdict comes later as a {@code wxa_media_check} event pushed by
 * {@link MessagePush}. The openid must be a user of the access token's mini program.
 */
final class MediaCheckEndpoint implements WeChatEndpoint {

	private static final String IMAGE = "2";

	private final MiniPrograms apps;

	private final MediaChecks checks;

	MediaCheckEndpoint(MiniPrograms apps, MediaChecks checks) {
		this.apps = apps;
		this.checks = checks;
	}

	@Override
	public WeChatReply answer(WeChatRequest request) {
		MiniProgram app = this.apps.authorize(request.param("access_token"));
		String mediaUrl = request.bodyText("media_url");
		String scene = request.bodyText("scene");
		if (mediaUrl == null || !IMAGE.equals(request.bodyText("media_type"))
				|| !"2".equals(request.bodyText("version")) || scene == null || !scene.matches("[1-4]")) {
			throw new WeChatApiError(47001);
		}
		String openid = request.bodyText("openid");
		if (app.users().find(openid) == null) {
			throw new WeChatApiError(this.apps.anyHasUser(openid) ? 43104 : 40003);
		}
		MediaCheck check = new MediaCheck(app.appid(), openid, mediaUrl, Integer.parseInt(scene),
				WeChatReply.rid());
		this.checks.accept(check);
		return WeChatReply.json(new Accepted(0, "ok", check.traceId()));
	}

	record Accepted(int errcode, String errmsg, @JsonProperty("trace_id") String traceId) {
	}

}
