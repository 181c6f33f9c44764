package io.github.wxlogin.test;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code POST /wxa/msg_sec_check} of {@link FakeWeChatServer}.
 */
class MsgSecCheckTests {

	@RegisterExtension
	static FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private final WeChatHttp http = new WeChatHttp(wechat.server());

	private String token = "";

	@BeforeEach
	void logIn() {
		wechat.server().issueLoginCode("openid-1");
		this.token = this.http.accessToken();
	}

	@Test
	void contentPassesByDefault() {
		JsonNode reply = this.http.msgSecCheck(this.token, "openid-1", "小明").json();
		assertThat(reply.get("errcode").asInt()).isZero();
		assertThat(reply.get("result").get("suggest").asString()).isEqualTo("pass");
		assertThat(reply.get("result").get("label").asInt()).isEqualTo(100);
		assertThat(reply.get("detail").isArray()).isTrue();
		assertThat(reply.get("trace_id").asString()).isNotEmpty();
	}

	@Test
	void contentWithAWordGivenAVerdictGetsItWithErrcodeZero() {
		wechat.server().contentVerdict("badword", "risky");
		wechat.server().contentVerdict("doubtful", "review");
		JsonNode risky = this.http.msgSecCheck(this.token, "openid-1", "a doubtful badword name").json();
		assertThat(risky.get("errcode").asInt()).isZero();
		assertThat(risky.get("result").get("suggest").asString()).isEqualTo("risky");
		assertThat(risky.get("result").get("label").asInt()).isNotEqualTo(100);
		assertThat(this.http.msgSecCheck(this.token, "openid-1", "doubtful").json().get("result").get("suggest")
			.asString()).isEqualTo("review");
	}

	@Test
	void resetForgetsVerdicts() {
		wechat.server().contentVerdict("badword", "risky");
		wechat.server().reset();
		assertThat(this.http.msgSecCheck(this.token, "openid-1", "badword").json().get("result").get("suggest")
			.asString()).isEqualTo("pass");
	}

	@Test
	void userWhoNeverLoggedInAnswers40003() {
		assertThat(this.http.msgSecCheck(this.token, "stranger", "hello").errcode()).isEqualTo(40003);
	}

	@Test
	void missingVersionOrSceneAnswers47001() {
		Map<String, String> query = Map.of("access_token", this.token);
		assertThat(this.http
			.post("/wxa/msg_sec_check", query, Map.of("content", "hi", "scene", 1, "openid", "openid-1"))
			.errcode()).isEqualTo(47001);
		assertThat(this.http
			.post("/wxa/msg_sec_check", query, Map.of("content", "hi", "version", 2, "openid", "openid-1"))
			.errcode()).isEqualTo(47001);
	}

}
