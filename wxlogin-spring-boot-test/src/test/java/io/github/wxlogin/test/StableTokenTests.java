package io.github.wxlogin.test;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code POST /cgi-bin/stable_token} of {@link FakeWeChatServer} and the token
 * checks of the calls that need one.
 */
class StableTokenTests {

	@RegisterExtension
	static FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private final WeChatHttp http = new WeChatHttp(wechat.server());

	@Test
	void stableTokenAnswersJsonWithoutErrcode() {
		WeChatHttp.Reply reply = this.http.stableToken(true);
		assertThat(reply.contentType()).isEqualTo("application/json; encoding=utf-8");
		JsonNode token = reply.json();
		assertThat(token.has("errcode")).isFalse();
		assertThat(token.get("access_token").asString()).hasSizeGreaterThanOrEqualTo(130);
		assertThat(token.get("expires_in").asInt()).isEqualTo(7200);
	}

	@Test
	void normalModeHandsOutTheSameTokenWhileItIsValid() {
		String first = this.http.accessToken();
		assertThat(this.http.accessToken()).isEqualTo(first);
		assertThat(this.http.accessToken()).isEqualTo(first);
	}

	@Test
	void forceRefreshIssuesANewTokenAndRejectsTheOldOne() {
		String old = this.http.accessToken();
		String fresh = this.http.stableToken(true).json().get("access_token").asString();
		assertThat(fresh).isNotEqualTo(old);
		assertThat(this.http.accessToken()).isEqualTo(fresh);
		assertThat(checkSession(old)).isEqualTo(40001);
		assertThat(checkSession(fresh)).isEqualTo(87009);
	}

	@Test
	void expiredTokenAnswers42001AndNormalModeThenIssuesANewOne() {
		String token = this.http.stableToken(true).json().get("access_token").asString();
		wechat.server().advanceClock(Duration.ofHours(2));
		assertThat(checkSession(token)).isEqualTo(42001);
		assertThat(this.http.accessToken()).isNotEqualTo(token);
	}

	@Test
	void missingUnknownAndInvalidatedTokensAreRefused() {
		assertThat(this.http.get("/wxa/checksession", WeChatHttp.params("openid", "o", "signature", "s")).errcode())
			.isEqualTo(41001);
		assertThat(checkSession("not-a-token")).isEqualTo(40001);
	}

	@Test
	void invalidatedTokenIsRefusedAndNormalModeHandsOutANewOne() {
		String old = this.http.accessToken();
		wechat.server().invalidateAccessToken();
		assertThat(checkSession(old)).isEqualTo(40001);
		String fresh = this.http.accessToken();
		assertThat(fresh).isNotEqualTo(old);
		assertThat(checkSession(fresh)).isEqualTo(87009);
	}

	@Test
	void staleTokenIsRefusedButNormalModeKeepsHandingItOutUntilForceRefresh() {
		String old = this.http.accessToken();
		wechat.server().staleAccessToken();
		assertThat(checkSession(old)).isEqualTo(40001);
		assertThat(this.http.accessToken()).isEqualTo(old);
		String fresh = this.http.stableToken(true).json().get("access_token").asString();
		assertThat(fresh).isNotEqualTo(old);
		assertThat(checkSession(fresh)).isEqualTo(87009);
		assertThat(this.http.accessToken()).isEqualTo(fresh);
	}

	@Test
	void wrongOrMissingCredentialsAreRefused() {
		String appid = wechat.server().appid();
		String secret = wechat.server().secret();
		assertThat(stableToken(Map.of("grant_type", "client_credential", "appid", "wxother", "secret", secret)))
			.isEqualTo(40013);
		assertThat(stableToken(Map.of("grant_type", "client_credential", "appid", appid, "secret", "wrong")))
			.isEqualTo(40125);
		assertThat(stableToken(Map.of("grant_type", "client_credential", "secret", secret))).isEqualTo(41002);
		assertThat(stableToken(Map.of("grant_type", "client_credential", "appid", appid))).isEqualTo(41004);
	}

	@Test
	void bodyThatIsNotJsonAnswers47001() {
		assertThat(this.http.post("/cgi-bin/stable_token", Map.of(), "{not json").errcode()).isEqualTo(47001);
	}

	private int stableToken(Map<String, String> body) {
		return this.http.post("/cgi-bin/stable_token", Map.of(), body).errcode();
	}

	// a token that passes the check reaches the signature check, which fails with 87009
	private int checkSession(String token) {
		return this.http.checkSession(token, "nobody", "0").errcode();
	}

}
