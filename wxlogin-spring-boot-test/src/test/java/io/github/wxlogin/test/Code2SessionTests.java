package io.github.wxlogin.test;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code GET /sns/jscode2session} of {@link FakeWeChatServer}.
 */
class Code2SessionTests {

	@RegisterExtension
	static FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private final WeChatHttp http = new WeChatHttp(wechat.server());

	@Test
	void loginCodeExchangesForOpenidAndSessionKeyAsTextPlainWithoutErrcode() {
		String code = wechat.server().issueLoginCode("openid-1");
		WeChatHttp.Reply reply = this.http.code2Session(code);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType()).isEqualTo("text/plain");
		JsonNode session = reply.json();
		assertThat(session.has("errcode")).isFalse();
		assertThat(session.has("unionid")).isFalse();
		assertThat(session.get("openid").asString()).isEqualTo("openid-1");
		assertThat(session.get("session_key").asString()).isEqualTo(wechat.server().sessionKeyOf("openid-1"))
			.hasSize(24)
			.endsWith("==");
	}

	@Test
	void codeIssuedWithUnionidAnswersIt() {
		String code = wechat.server().issueLoginCode("openid-2", "union-2");
		assertThat(this.http.code2Session(code).json().get("unionid").asString()).isEqualTo("union-2");
	}

	@Test
	void eachLoginCodeRotatesTheSessionKey() {
		String first = this.http.code2Session(wechat.server().issueLoginCode("openid-3"))
			.json()
			.get("session_key")
			.asString();
		String second = this.http.code2Session(wechat.server().issueLoginCode("openid-3"))
			.json()
			.get("session_key")
			.asString();
		assertThat(second).isNotEqualTo(first).isEqualTo(wechat.server().sessionKeyOf("openid-3"));
	}

	@Test
	void codeWorksOnceThenAnswers40163() {
		String code = wechat.server().issueLoginCode("openid-4");
		assertThat(this.http.code2Session(code).errcode()).isZero();
		WeChatHttp.Reply replay = this.http.code2Session(code);
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.contentType()).isEqualTo("text/plain");
		assertThat(replay.errcode()).isEqualTo(40163);
		assertThat(replay.json().get("errmsg").asString()).startsWith("code been used, rid: ");
	}

	@Test
	void unknownCodeAnswers40029() {
		assertThat(this.http.code2Session("no-such-code").errcode()).isEqualTo(40029);
	}

	@Test
	void expiredCodeAnswers40029() {
		wechat.server().codeLifetime(Duration.ofMinutes(1));
		String code = wechat.server().issueLoginCode("openid-5");
		wechat.server().advanceClock(Duration.ofMinutes(1));
		assertThat(this.http.code2Session(code).errcode()).isEqualTo(40029);
	}

	@Test
	void wrongCredentialsAnswer40013And40125() {
		String code = wechat.server().issueLoginCode("openid-6");
		assertThat(this.http
			.get("/sns/jscode2session",
					WeChatHttp.params("appid", "wxother", "secret", wechat.server().secret(), "js_code", code))
			.errcode()).isEqualTo(40013);
		assertThat(this.http
			.get("/sns/jscode2session",
					WeChatHttp.params("appid", wechat.server().appid(), "secret", "wrong", "js_code", code))
			.errcode()).isEqualTo(40125);
		assertThat(this.http.code2Session(code).errcode()).as("refused calls leave the code unspent").isZero();
	}

	@Test
	void missingParametersAnswer41002And41004And41008() {
		String appid = wechat.server().appid();
		String secret = wechat.server().secret();
		assertThat(this.http.get("/sns/jscode2session", WeChatHttp.params("secret", secret, "js_code", "c")).errcode())
			.isEqualTo(41002);
		assertThat(this.http.get("/sns/jscode2session", WeChatHttp.params("appid", appid, "js_code", "c")).errcode())
			.isEqualTo(41004);
		assertThat(this.http.get("/sns/jscode2session", WeChatHttp.params("appid", appid, "secret", secret)).errcode())
			.isEqualTo(41008);
	}

}
