package io.github.wxlogin.it;

import java.time.Duration;
import java.util.Map;

import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.Fault;
import io.github.wxlogin.it.WxLoginClient.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginIntegrationTests extends HostIntegrationTest {

	private Reply loginWithFault(String openid) {
		return this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode(openid)));
	}

	@Test
	void firstLoginCreatesTheUserAndTheNextFindsIt() {
		Reply first = login("openid-login-1");
		assertThat(first.status().value()).isEqualTo(200);
		assertThat(first.json().path("newUser").asBoolean()).isTrue();
		assertThat(first.text("tokenType")).isEqualTo("Bearer");
		assertThat(first.json().path("expiresIn").asLong()).isEqualTo(7200);
		assertThat(first.json().path("refreshExpiresIn").asLong()).isEqualTo(Duration.ofDays(30).toSeconds());
		assertThat(first.text("refreshToken")).hasSizeGreaterThanOrEqualTo(43);
		assertThat(first.json().path("user").path("openid").asString()).isEqualTo("openid-login-1");
		Reply second = login("openid-login-1");
		assertThat(second.json().path("newUser").asBoolean()).isFalse();
		assertThat(second.json().path("user").path("id").asString())
			.isEqualTo(first.json().path("user").path("id").asString());
		assertThat(first.body() + second.body()).doesNotContain(this.fake.sessionKeyOf("openid-login-1"))
			.doesNotContain(this.fake.secret());
	}

	@Test
	void accessTokenOpensTheHostsGuardedEndpoint() {
		Reply login = login("openid-login-2");
		Reply hello = this.client.get("/api/hello", login.text("accessToken"));
		assertThat(hello.status().value()).isEqualTo(200);
		assertThat(hello.text("openid")).isEqualTo("openid-login-2");
		assertThat(hello.text("userId")).isEqualTo(login.json().path("user").path("id").asString());
		Reply me = this.client.get("/wx/me", login.text("accessToken"));
		assertThat(me.text("openid")).isEqualTo("openid-login-2");
	}

	@Test
	void bearerCallsKeepNoSession() {
		String token = login("openid-login-session").text("accessToken");
		Reply hello = this.client.get("/api/hello", token);
		assertThat(hello.status().value()).isEqualTo(200);
		assertThat(hello.headers().get("Set-Cookie")).isNull();
		assertThat(this.client.get("/wx/me", token).headers().get("Set-Cookie")).isNull();
	}

	@Test
	void guardedEndpointWithoutTokenIs401ProblemWithWwwAuthenticate() {
		Reply reply = this.client.get("/api/hello", null);
		assertThat(reply.status().value()).isEqualTo(401);
		assertThat(reply.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.code()).isEqualTo("unauthorized");
	}

	@Test
	void replayedCodeIsInvalidCode() {
		String code = this.fake.issueLoginCode("openid-login-3");
		assertThat(this.client.post("/wx/login", Map.of("code", code)).status().value()).isEqualTo(200);
		Reply replay = this.client.post("/wx/login", Map.of("code", code));
		assertThat(replay.status().value()).isEqualTo(401);
		assertThat(replay.code()).isEqualTo("invalid_code");
		assertThat(replay.json().path("wxErrcode").asInt()).isEqualTo(40163);
		assertThat(replay.contentType()).startsWith("application/problem+json");
	}

	@Test
	void unknownCodeIsInvalidCode() {
		Reply reply = this.client.post("/wx/login", Map.of("code", "never-issued"));
		assertThat(reply.status().value()).isEqualTo(401);
		assertThat(reply.code()).isEqualTo("invalid_code");
		assertThat(reply.json().path("wxErrcode").asInt()).isEqualTo(40029);
	}

	@Test
	void weChatBusyOnceIsRetriedAndLogsIn() {
		this.fake.failNext(Api.CODE2SESSION, Fault.busy(), 1);
		assertThat(login("openid-login-4").status().value()).isEqualTo(200);
	}

	@Test
	void weChatBusyThroughoutIs503WithRetryAfter() {
		this.fake.failNext(Api.CODE2SESSION, Fault.busy(), 10);
		Reply reply = loginWithFault("openid-login-5");
		assertThat(reply.status().value()).isEqualTo(503);
		assertThat(reply.code()).isEqualTo("wechat_unavailable");
		assertThat(reply.headers().getFirst("Retry-After")).isNotBlank();
	}

	@Test
	void weChatQuotaIs429WithRetryAfter() {
		this.fake.failNext(Api.CODE2SESSION, Fault.errcode(45011), 1);
		Reply reply = loginWithFault("openid-login-6");
		assertThat(reply.status().value()).isEqualTo(429);
		assertThat(reply.code()).isEqualTo("rate_limited");
		assertThat(reply.json().path("wxErrcode").asInt()).isEqualTo(45011);
		assertThat(reply.headers().getFirst("Retry-After")).isNotBlank();
	}

	@Test
	void riskyUserIs403() {
		this.fake.failNext(Api.CODE2SESSION, Fault.errcode(40226), 1);
		Reply reply = loginWithFault("openid-login-7");
		assertThat(reply.status().value()).isEqualTo(403);
		assertThat(reply.code()).isEqualTo("risky_user");
	}

	@Test
	void garbageFromWeChatIs502() {
		this.fake.failNext(Api.CODE2SESSION, Fault.garbage(), 1);
		Reply reply = loginWithFault("openid-login-8");
		assertThat(reply.status().value()).isEqualTo(502);
		assertThat(reply.code()).isEqualTo("wechat_bad_response");
	}

	@Test
	void wrongCredentialsAre502ConfigError() {
		this.fake.failNext(Api.CODE2SESSION, Fault.errcode(40125), 1);
		Reply reply = loginWithFault("openid-login-9");
		assertThat(reply.status().value()).isEqualTo(502);
		assertThat(reply.code()).isEqualTo("wechat_config_error");
		assertThat(reply.body()).doesNotContain(this.fake.secret());
	}

	@Test
	void badInputIsInvalidRequest() {
		assertInvalid(this.client.post("/wx/login", Map.of()), 400);
		assertInvalid(this.client.post("/wx/login", "{\"code\": null}"), 400);
		assertInvalid(this.client.post("/wx/login", Map.of("code", "   ")), 400);
		assertInvalid(this.client.post("/wx/login", Map.of("code", 42)), 400);
		assertInvalid(this.client.post("/wx/login", Map.of("code", Map.of("a", 1))), 400);
		assertInvalid(this.client.post("/wx/login", Map.of("code", "x".repeat(513))), 400);
		assertInvalid(this.client.post("/wx/login", "{\"code\": "), 400);
		assertInvalid(this.client.post("/wx/login", "[1, 2]"), 400);
		assertInvalid(this.client.post("/wx/login", ""), 400);
		assertInvalid(this.client.post("/wx/login", "{\"code\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"), 413);
		assertInvalid(this.client.raw("POST", "/wx/login", null, "application/x-www-form-urlencoded",
				"code=abc".getBytes()), 415);
	}

	private static void assertInvalid(Reply reply, int status) {
		assertProblem(reply, status, "invalid_request");
	}

}
