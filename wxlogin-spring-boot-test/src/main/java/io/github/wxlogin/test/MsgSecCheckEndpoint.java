package io.github.wxlogin.test;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /wxa/msg_sec_check} (version 2): the verdict on a piece of content.
 * Content passes unless it contains a word given another suggestion; the verdict comes
 * with {@code errcode} 0 even when risky. The openid must be a user of the access token's
 * mini program.
 */
final class MsgSecCheckEndpoint implements WeChatEndpoint {

	private static final int NORMAL_LABEL = 100;

	private static final int OTHER_RISK_LABEL = 21000;

	private final MiniPrograms apps;

	private final ContentVerdicts verdicts;

	MsgSecCheckEndpoint(MiniPrograms apps, ContentVerdicts verdicts) {
		this.apps = apps;
		this.verdicts = verdicts;
	}

	@Override
	public WeChatReply answer(WeChatRequest request) {
		MiniProgram app = this.apps.authorize(request.param("access_token"));
		String content = request.bodyText("content");
		if (content == null || !"2".equals(request.bodyText("version")) || request.bodyText("scene") == null) {
			throw new WeChatApiError(47001);
		}
		String openid = request.bodyText("openid");
		if (app.users().find(openid) == null) {
			throw new WeChatApiError(this.apps.anyHasUser(openid) ? 43104 : 40003);
		}
		ContentVerdicts.Match match = this.verdicts.judge(content);
		String suggest = (match != null) ? match.suggest() : ContentVerdicts.PASS;
		int label = ContentVerdicts.PASS.equals(suggest) ? NORMAL_LABEL : OTHER_RISK_LABEL;
		List<Detail> detail = new ArrayList<>();
		detail.add(new Detail("content_model", 0, suggest, label, 90, null, null));
		if (match != null) {
			detail.add(new Detail("keyword", 0, suggest, label, null, 20, match.word()));
		}
		return WeChatReply.json(new CheckBody(0, "ok", new Result(suggest, label), detail, WeChatReply.rid()));
	}

	record CheckBody(int errcode, String errmsg, Result result, List<Detail> detail,
			@JsonProperty("trace_id") String traceId) {
	}

	record Result(String suggest, int label) {
	}

	record Detail(String strategy, int errcode, String suggest, int label, @Nullable Integer prob,
			@Nullable Integer level, @Nullable String keyword) {
	}

}
