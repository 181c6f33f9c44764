package io.github.wxlogin.it;

import java.util.Map;

import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.EncryptedData;
import io.github.wxlogin.test.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "logging.level.io.github.wxlogin=TRACE",
		"logging.level.org.springframework.security=DEBUG",
		"wx.login.jwt.hmac-secret=hmac-secret-for-the-leak-test-0123456789" })
class SecretsNeverLeakIntegrationTests extends HostIntegrationTest {

	@Test
	void noReplyAndNoLogLineHoldsASecretOrASessionKey(CapturedOutput output) {
		StringBuilder replies = new StringBuilder();
		Reply login = login("openid-leak-1");
		replies.append(login.body());
		String token = login.text("accessToken");
		EncryptedData stale = this.fake.encryptedPhoneData("openid-leak-1", "13800138100");
		String firstSessionKey = this.fake.sessionKeyOf("openid-leak-1");
		replies.append(login("openid-leak-1").body());
		replies.append(this.client.post("/wx/phone/decrypt", token,
				Map.of("encryptedData", stale.encryptedData(), "iv", stale.iv())).body());
		replies.append(this.client.post("/wx/phone", token, Map.of("code", this.fake.issuePhoneCode("13800138101")))
			.body());
		this.fake.failNext(Api.CODE2SESSION, Fault.errcode(40125), 1);
		replies.append(this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode("openid-leak-2"))).body());
		this.fake.failNext(Api.CODE2SESSION, Fault.garbage(), 1);
		replies.append(this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode("openid-leak-3"))).body());
		replies.append(this.client.get("/api/hello", token + "x").body());
		String everything = replies + output.getAll();
		assertThat(everything).doesNotContain(this.fake.secret())
			.doesNotContain("hmac-secret-for-the-leak-test-0123456789")
			.doesNotContain(firstSessionKey)
			.doesNotContain(this.fake.sessionKeyOf("openid-leak-1"));
		assertThat(output.getAll()).doesNotContain(token);
	}

}
