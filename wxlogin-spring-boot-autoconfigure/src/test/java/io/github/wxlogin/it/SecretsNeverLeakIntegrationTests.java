package io.github.wxlogin.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.wxlogin.avatar.TestImages;
import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.EncryptedData;
import io.github.wxlogin.test.Fault;
import io.github.wxlogin.test.PushDelivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "logging.level.io.github.wxlogin=TRACE",
		"logging.level.org.springframework.security=DEBUG",
		"wx.login.jwt.hmac-secret=hmac-secret-for-the-leak-test-0123456789",
		"wx.login.avatar.public-base-url=https://avatars.example.com",
		"wx.login.push.token=" + SecretsNeverLeakIntegrationTests.PUSH_TOKEN,
		"wx.login.push.encoding-aes-key=" + SecretsNeverLeakIntegrationTests.AES_KEY })
class SecretsNeverLeakIntegrationTests extends HostIntegrationTest {

	static final String PUSH_TOKEN = "leakTestPushToken7";

	static final String AES_KEY = "leakTestAesKey0123456789abcdefghijklmnopqrs";

	private static final String BOUNDARY = "----wxUploadFileBoundaryLeakTest";

	@TempDir
	static Path avatars;

	@DynamicPropertySource
	static void avatarDirectory(DynamicPropertyRegistry registry) {
		registry.add("wx.login.avatar.directory", () -> avatars.toString());
	}

	/**
	 * Every way in: phone login, refresh (and a retried refresh), the session list, the avatar upload with
	 * WeChat's image check and its verdict pushed in safe mode, logout. No reply holds a secret, a session key
	 * or the push keys; no log line holds a token of any kind either.
	 */
	@Test
	void noReplyAndNoLogLineHoldsATokenOrAKeyOnAnyEndpoint(CapturedOutput output) {
		this.fake.messagePush("http://127.0.0.1:" + this.port + "/wx/push/" + this.fake.appid(), PUSH_TOKEN, AES_KEY);
		List<String> tokens = new ArrayList<>();
		StringBuilder replies = new StringBuilder();
		Reply phoneLogin = this.client.post("/wx/login/phone", this.fake.issuePhoneLoginCodes("openid-leak-9", "13800138109"));
		assertThat(phoneLogin.status().value()).as(phoneLogin.body()).isEqualTo(200);
		replies.append(phoneLogin.body());
		tokens.add(phoneLogin.text("accessToken"));
		tokens.add(phoneLogin.text("refreshToken"));
		Reply refreshed = this.client.post("/wx/token/refresh", Map.of("refreshToken", phoneLogin.text("refreshToken")));
		Reply retried = this.client.post("/wx/token/refresh", Map.of("refreshToken", phoneLogin.text("refreshToken")));
		replies.append(refreshed.body()).append(retried.body());
		tokens.add(refreshed.text("accessToken"));
		tokens.add(refreshed.text("refreshToken"));
		tokens.add(retried.text("accessToken"));
		String token = refreshed.text("accessToken");
		replies.append(this.client.get("/wx/sessions", token).body());
		replies.append(this.client.get("/wx/me", token).body());
		Reply uploaded = this.client.raw("POST", "/wx/profile/avatar", token, "multipart/form-data; boundary=" + BOUNDARY,
				multipart(TestImages.jpeg(40, 30)));
		assertThat(uploaded.status().value()).as(uploaded.body()).isEqualTo(200);
		replies.append(uploaded.body());
		PushDelivery verdict = this.fake.pushMediaCheckVerdict(this.fake.mediaChecks().get(0).traceId(), "risky");
		assertThat(verdict.status()).isEqualTo(200);
		replies.append(verdict.body());
		replies.append(this.client.post("/wx/logout", token, Map.of("refreshToken", refreshed.text("refreshToken"))).body());
		replies.append(this.client.post("/wx/token/refresh", Map.of("refreshToken", refreshed.text("refreshToken"))).body());

		String everything = replies + output.getAll();
		assertThat(everything).doesNotContain(this.fake.secret())
			.doesNotContain("hmac-secret-for-the-leak-test-0123456789")
			.doesNotContain(PUSH_TOKEN)
			.doesNotContain(AES_KEY)
			.doesNotContain(this.fake.sessionKeyOf("openid-leak-9"));
		for (String issued : tokens) {
			assertThat(output.getAll()).as("the log").doesNotContain(issued);
		}
	}

	/** The body {@code wx.uploadFile} sends: one part with the file. */
	private static byte[] multipart(byte[] image) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tmp_leak.jpg\""
				+ "\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(image);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

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
		assertThat(output.getAll()).doesNotContain(token).doesNotContain(login.text("refreshToken"));
	}

}
