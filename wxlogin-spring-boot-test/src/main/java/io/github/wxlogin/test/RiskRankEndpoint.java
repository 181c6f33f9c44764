package io.github.wxlogin.test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /wxa/getuserriskrank}: WeChat's risk verdict on a user of the access token's mini program,
 * 0 unless a test set another rank for the openid, or made WeChat have none (61010: the user has not used
 * the mini program recently). Every call is kept, for tests that check what was sent.
 */
final class RiskRankEndpoint implements WeChatEndpoint {

	/** The verdict of a user WeChat has none for. */
	static final int NO_VERDICT = -1;

	private final MiniPrograms apps;

	private final Map<String, Integer> ranks = new ConcurrentHashMap<>();

	private final List<RiskRankRequest> requests = new CopyOnWriteArrayList<>();

	RiskRankEndpoint(MiniPrograms apps) {
		this.apps = apps;
	}

	void rank(String openid, int rank) {
		this.ranks.put(openid, rank);
	}

	List<RiskRankRequest> requests() {
		return List.copyOf(this.requests);
	}

	void reset() {
		this.ranks.clear();
		this.requests.clear();
	}

	@Override
	public WeChatReply answer(WeChatRequest request) {
		MiniProgram app = this.apps.authorize(request.param("access_token"));
		String appid = request.bodyText("appid");
		String openid = request.bodyText("openid");
		String scene = request.bodyText("scene");
		String clientIp = request.bodyText("client_ip");
		if (appid == null || openid == null || scene == null || clientIp == null) {
			throw new WeChatApiError(47001);
		}
		if (!scene.equals("0") && !scene.equals("1")) {
			throw new WeChatApiError(40129);
		}
		if (!appid.equals(app.appid()) || app.users().find(openid) == null) {
			throw new WeChatApiError(this.apps.anyHasUser(openid) ? 43104 : 40003);
		}
		this.requests.add(new RiskRankRequest(appid, openid, Integer.parseInt(scene), clientIp,
				request.bodyText("mobile_no")));
		int rank = this.ranks.getOrDefault(openid, 0);
		if (rank == NO_VERDICT) {
			throw new WeChatApiError(61010);
		}
		return WeChatReply.json(new Verdict(0, "getuserriskrank succ", rank, ThreadLocalRandom.current().nextLong(1,
				Long.MAX_VALUE)));
	}

	record Verdict(int errcode, String errmsg, @JsonProperty("risk_rank") int riskRank,
			@JsonProperty("unoin_id") long unoinId) {
	}

}
