package io.github.wxlogin.test;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for a {@link FakeWeChatServer} that hosts two mini programs on one base URL: the
 * primary one, A, and B.
 */
class MultipleMiniProgramsTests {

	private static final String APPID_B = "wxfake0000000002";

	private static final String SECRET_B = "secret-of-mini-program-b";

	@RegisterExtension
	static FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private final WeChatHttp http = new WeChatHttp(wechat.server());

	@BeforeAll
	static void hostMiniProgramB() {
		wechat.server().addApp(APPID_B, SECRET_B);
	}

	@Test
	void eachMiniProgramGetsItsOwnStableToken() {
		String tokenA = this.http.accessToken();
		String tokenB = this.http.accessToken(APPID_B, SECRET_B);
		assertThat(tokenB).isNotEqualTo(tokenA);
		assertThat(this.http.accessToken(APPID_B, SECRET_B)).isEqualTo(tokenB);
		assertThat(this.http.accessToken()).isEqualTo(tokenA);
	}

	@Test
	void credentialsAreCheckedPerMiniProgram() {
		assertThat(this.http.stableToken(APPID_B, wechat.server().secret(), false).errcode()).isEqualTo(40125);
		assertThat(this.http.stableToken(wechat.server().appid(), SECRET_B, false).errcode()).isEqualTo(40125);
		assertThat(this.http.stableToken("wxunknown0000000", SECRET_B, false).errcode()).isEqualTo(40013);
		String code = wechat.server().issueLoginCode(APPID_B, "openid-b1", null);
		assertThat(this.http.code2Session(APPID_B, "wrong", code).errcode()).isEqualTo(40125);
	}

	@Test
	void loginCodeOfOneMiniProgramIsRefusedWithTheCredentialsOfAnother() {
		String code = wechat.server().issueLoginCode(APPID_B, "openid-b2", null);
		assertThat(this.http.code2Session(code).errcode()).isEqualTo(40029);
		JsonNode session = this.http.code2Session(APPID_B, SECRET_B, code).json();
		assertThat(session.get("openid").asString()).isEqualTo("openid-b2");
		assertThat(session.get("session_key").asString())
			.isEqualTo(wechat.server().sessionKeyOf(APPID_B, "openid-b2"));
	}

	@Test
	void primaryLoginCodeIsRefusedWithTheCredentialsOfAnotherMiniProgram() {
		String code = wechat.server().issueLoginCode("openid-a3");
		assertThat(this.http.code2Session(APPID_B, SECRET_B, code).errcode()).isEqualTo(40029);
		assertThat(this.http.code2Session(code).errcode()).isZero();
	}

	@Test
	void sessionKeysArePerMiniProgram() {
		wechat.server().issueLoginCode("openid-4");
		String keyInA = wechat.server().sessionKeyOf("openid-4");
		wechat.server().issueLoginCode(APPID_B, "openid-4", null);
		assertThat(wechat.server().sessionKeyOf(APPID_B, "openid-4")).isNotNull().isNotEqualTo(keyInA);
		assertThat(wechat.server().sessionKeyOf("openid-4")).isEqualTo(keyInA);
		assertThat(wechat.server().sessionKeyOf(wechat.server().appid(), "openid-4")).isEqualTo(keyInA);
		wechat.server().issueLoginCode(APPID_B, "openid-b5", null);
		assertThat(wechat.server().sessionKeyOf("openid-b5")).isNull();
	}

	@Test
	void sameUnionidLinksUsersOfDifferentMiniPrograms() {
		String codeA = wechat.server().issueLoginCode("openid-a6", "union-6");
		String codeB = wechat.server().issueLoginCode(APPID_B, "openid-b6", "union-6");
		assertThat(this.http.code2Session(codeA).json().get("unionid").asString()).isEqualTo("union-6");
		assertThat(this.http.code2Session(APPID_B, SECRET_B, codeB).json().get("unionid").asString())
			.isEqualTo("union-6");
	}

	@Test
	void phoneCodeOfOneMiniProgramIsRefusedWithTheTokenOfAnother() {
		String code = wechat.server().issuePhoneCode(APPID_B, "13800138000", "openid-b7");
		Map<String, String> body = Map.of("code", code, "openid", "openid-b7");
		assertThat(this.http.phoneNumber(this.http.accessToken(), body).errcode()).isEqualTo(40013);
		WeChatHttp.Reply reply = this.http.phoneNumber(this.http.accessToken(APPID_B, SECRET_B), body);
		assertThat(reply.errcode()).isZero();
		JsonNode phoneInfo = reply.json().get("phone_info");
		assertThat(phoneInfo.get("phoneNumber").asString()).isEqualTo("13800138000");
		assertThat(phoneInfo.get("watermark").get("appid").asString()).isEqualTo(APPID_B);
	}

	@Test
	void primaryPhoneCodeIsRefusedWithTheTokenOfAnotherMiniProgram() {
		String code = wechat.server().issuePhoneCode("13800138000");
		String tokenB = this.http.accessToken(APPID_B, SECRET_B);
		assertThat(this.http.phoneNumber(tokenB, Map.of("code", code)).errcode()).isEqualTo(40013);
		JsonNode phoneInfo = this.http.phoneNumber(this.http.accessToken(), Map.of("code", code))
			.json()
			.get("phone_info");
		assertThat(phoneInfo.get("watermark").get("appid").asString()).isEqualTo(wechat.server().appid());
	}

	@Test
	void tokenActsForItsOwnMiniProgramsUsers() {
		wechat.server().issueLoginCode(APPID_B, "openid-b8", null);
		String signature = WeChatCrypto.checkSessionSignature(wechat.server().sessionKeyOf(APPID_B, "openid-b8"));
		String tokenA = this.http.accessToken();
		String tokenB = this.http.accessToken(APPID_B, SECRET_B);
		assertThat(this.http.checkSession(tokenA, "openid-b8", signature).errcode()).isEqualTo(87009);
		assertThat(this.http.checkSession(tokenB, "openid-b8", signature).errcode()).isZero();
		assertThat(this.http.msgSecCheck(tokenA, "openid-b8", "昵称").errcode()).isEqualTo(43104);
		assertThat(this.http.msgSecCheck(tokenB, "openid-b8", "昵称").errcode()).isZero();
	}

	@Test
	void invalidatingOneMiniProgramsTokenLeavesTheOthersWorking() {
		wechat.server().issueLoginCode(APPID_B, "openid-b9", null);
		String tokenA = this.http.accessToken();
		String tokenB = this.http.accessToken(APPID_B, SECRET_B);
		wechat.server().invalidateAccessToken(APPID_B);
		assertThat(this.http.msgSecCheck(tokenB, "openid-b9", "昵称").errcode()).isEqualTo(40001);
		assertThat(this.http.accessToken()).isEqualTo(tokenA);
		String renewedB = this.http.accessToken(APPID_B, SECRET_B);
		assertThat(renewedB).isNotEqualTo(tokenB);
		assertThat(this.http.msgSecCheck(renewedB, "openid-b9", "昵称").errcode()).isZero();
	}

	@Test
	void staleTokenOfOneMiniProgramNeedsAForcedRefreshOfThatMiniProgram() {
		wechat.server().staleAccessToken(APPID_B);
		String staleB = this.http.accessToken(APPID_B, SECRET_B);
		assertThat(this.http.accessToken(APPID_B, SECRET_B)).isEqualTo(staleB);
		String forcedB = this.http.stableToken(APPID_B, SECRET_B, true).json().get("access_token").asString();
		assertThat(forcedB).isNotEqualTo(staleB);
		assertThat(this.http.accessToken()).isNotEqualTo(forcedB);
	}

	@Test
	void callsAreCountedPerMiniProgramAndInTotal() {
		this.http.accessToken();
		String tokenB = this.http.accessToken(APPID_B, SECRET_B);
		this.http.accessToken(APPID_B, SECRET_B);
		this.http.code2Session(APPID_B, SECRET_B, wechat.server().issueLoginCode(APPID_B, "openid-b10", null));
		this.http.phoneNumber(tokenB, Map.of("code", "unknown"));
		assertThat(wechat.server().callCount(Api.STABLE_TOKEN)).isEqualTo(3);
		assertThat(wechat.server().callCount(wechat.server().appid(), Api.STABLE_TOKEN)).isOne();
		assertThat(wechat.server().callCount(APPID_B, Api.STABLE_TOKEN)).isEqualTo(2);
		assertThat(wechat.server().callCount(APPID_B, Api.CODE2SESSION)).isOne();
		assertThat(wechat.server().callCount(wechat.server().appid(), Api.CODE2SESSION)).isZero();
		assertThat(wechat.server().callCount(APPID_B, Api.PHONE_NUMBER)).isOne();
		wechat.server().resetCounts();
		assertThat(wechat.server().callCount(APPID_B, Api.STABLE_TOKEN)).isZero();
	}

	@Test
	void faultedCallsAreCountedForTheirMiniProgram() {
		wechat.server().failNext(Api.STABLE_TOKEN, Fault.busy(), 1);
		assertThat(this.http.stableToken(APPID_B, SECRET_B, false).errcode()).isEqualTo(-1);
		assertThat(wechat.server().callCount(APPID_B, Api.STABLE_TOKEN)).isOne();
		assertThat(wechat.server().callCount(wechat.server().appid(), Api.STABLE_TOKEN)).isZero();
	}

	@Test
	void miniProgramsAreHostedOnce() {
		assertThatIllegalArgumentException().isThrownBy(() -> wechat.server().addApp(APPID_B, "other"))
			.withMessageContaining(APPID_B);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> wechat.server().issueLoginCode("wxunknown0000000", "openid-11", null))
			.withMessageContaining("addApp");
	}

}
