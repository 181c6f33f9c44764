package io.github.wxlogin.test;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the API security of {@link FakeWeChatServer}: plain calls work while it is off, are refused
 * once it is on, and its material is what WeChat's console shows. The starter's own tests cover the
 * encrypted and signed exchanges.
 */
class ApiSecurityTests {

	@RegisterExtension
	static FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private final WeChatHttp http = new WeChatHttp(wechat.server());

	private String token = "";

	@BeforeEach
	void logIn() {
		wechat.server().issueLoginCode("openid-1");
		this.token = this.http.accessToken();
	}

	@AfterEach
	void turnOff() {
		wechat.server().disableApiSecurity(wechat.server().appid());
	}

	@Test
	void plainCallsWorkWhileApiSecurityIsOff() {
		assertThat(this.http.msgSecCheck(this.token, "openid-1", "hello").json().get("errcode").asInt()).isZero();
	}

	@Test
	void plainCallToASecuredApiIsRefusedOnceItIsOn() {
		wechat.server().enableApiSecurity();
		assertThat(this.http.msgSecCheck(this.token, "openid-1", "hello").json().get("errcode").asInt())
			.isEqualTo(40233);
		// jscode2session and the access token are not secured
		assertThat(this.http.code2Session(wechat.server().issueLoginCode("openid-2")).json().has("openid")).isTrue();
	}

	@Test
	void materialIsWhatTheConsoleShows() {
		ApiSecurityKeys keys = wechat.server().enableApiSecurity();
		assertThat(keys.privateKeyPkcs1()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
		assertThat(keys.privateKeyPkcs8()).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(keys.symmetricSn()).matches("[0-9a-f]{32}");
		assertThat(keys.platformCertificate().pem()).startsWith("-----BEGIN CERTIFICATE-----");
		Map<String, String> properties = keys.properties("wx.login.api-security");
		assertThat(properties).containsKeys("wx.login.api-security.symmetric-key",
				"wx.login.api-security.private-key", "wx.login.api-security.platform-certificates[0].number");
		assertThat(keys.toString()).doesNotContain(keys.symmetricKey());
	}

	@Test
	void rollOverGivesANewCertificateWithANewNumber() {
		ApiSecurityKeys keys = wechat.server().enableApiSecurity();
		PlatformCertificate next = wechat.server().rollPlatformCertificate(wechat.server().appid());
		assertThat(next.number()).isNotEqualTo(keys.platformCertificate().number());
		assertThat(next.pem()).isNotEqualTo(keys.platformCertificate().pem());
	}

	@Test
	void rollOverNeedsApiSecurityOn() {
		assertThatIllegalStateException()
			.isThrownBy(() -> wechat.server().rollPlatformCertificate(wechat.server().appid()))
			.withMessageContaining("enableApiSecurity");
	}

	@Test
	void riskRankIsZeroUnlessSetAnd61010WithoutAVerdict() {
		Map<String, String> body = Map.of("appid", wechat.server().appid(), "openid", "openid-1", "scene", "0",
				"client_ip", "203.0.113.7");
		assertThat(riskRank(body).get("risk_rank").asInt()).isZero();
		wechat.server().riskRank("openid-1", 4);
		assertThat(riskRank(body).get("risk_rank").asInt()).isEqualTo(4);
		wechat.server().noRiskVerdict("openid-1");
		assertThat(riskRank(body).get("errcode").asInt()).isEqualTo(61010);
		assertThat(wechat.server().riskRankRequests()).hasSize(3)
			.allSatisfy((request) -> assertThat(request.clientIp()).isEqualTo("203.0.113.7"));
		wechat.server().reset();
		assertThat(wechat.server().riskRankRequests()).isEmpty();
	}

	@Test
	void encryptedDataTheFakeMadeIsKnownToCheckencryptedmsg() {
		EncryptedData data = wechat.server().encryptedPhoneData("openid-1", "13800138000");
		String hash = WeChatCrypto.sha256Hex(data.encryptedData());
		assertThat(check(hash).get("vaild").asBoolean()).isTrue();
		assertThat(check(WeChatCrypto.sha256Hex("other")).get("errcode").asInt()).isEqualTo(1);
	}

	private JsonNode riskRank(Map<String, String> body) {
		return this.http.post(Api.RISK_RANK.path(), Map.of("access_token", this.token), body).json();
	}

	private JsonNode check(String hash) {
		return this.http.post(Api.CHECK_ENCRYPTED_MSG.path(), Map.of("access_token", this.token),
				Map.of("encrypted_msg_hash", hash)).json();
	}

}
