package io.github.wxlogin.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import io.github.wxlogin.avatar.TestImages;
import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.AutoConfigureFakeWeChat;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.Fault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow with WeChat's API security on in the fake WeChat server, which refuses any plain call to a
 * secured API: login, phone login, the phone button, the nickname's msgSecCheck and the avatar's
 * mediaCheckAsync all work; a downgraded reply and a refusal of the security layer each fail with the
 * mapped error and a log line that names the setting.
 */
@SpringBootTest(classes = HostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "wx.login.connect-timeout=10s", "wx.login.read-timeout=30s",
				"wx.login.rate-limit.enabled=false", "wx.login.store.type=memory",
				"wx.login.profile.content-check=true", "wx.login.avatar.public-base-url=https://avatars.example.com",
				"wx.login.push.token=pushToken42" })
@AutoConfigureFakeWeChat(apiSecurity = true)
@ExtendWith(OutputCaptureExtension.class)
class ApiSecurityIntegrationTests {

	private static final String BOUNDARY = "----wxUploadFileBoundary7MA4YWxk";

	@TempDir
	static Path avatars;

	@DynamicPropertySource
	static void avatarDirectory(DynamicPropertyRegistry registry) {
		registry.add("wx.login.avatar.directory", () -> avatars.toString());
	}

	@Autowired
	FakeWeChatServer fake;

	@LocalServerPort
	int port;

	WxLoginClient client;

	@BeforeEach
	void setUp() {
		this.client = new WxLoginClient(this.port);
		this.fake.reset();
	}

	@Test
	void loginAndPhoneLoginWork() {
		assertThat(login("openid-secured-1").json().path("newUser").asBoolean()).isTrue();
		Reply phoneLogin = this.client.post("/wx/login/phone",
				this.fake.issuePhoneLoginCodes("openid-secured-2", "13800138401"));
		assertThat(phoneLogin.status().value()).as(phoneLogin.body()).isEqualTo(200);
		assertThat(phoneLogin.json().path("phoneBound").asBoolean()).isTrue();
		assertThat(this.fake.callCount(Api.PHONE_NUMBER)).isEqualTo(1);
	}

	@Test
	void phoneButtonBindsTheNumber() {
		String token = login("openid-secured-3").text("accessToken");
		Reply reply = this.client.post("/wx/phone", token,
				Map.of("code", this.fake.issuePhoneCode("13800138402", "openid-secured-3")));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		assertThat(reply.text("purePhoneNumber")).isEqualTo("13800138402");
	}

	@Test
	void nicknameIsCheckedAndRiskyOneRefused() {
		String token = login("openid-secured-4").text("accessToken");
		Reply passed = this.client.put("/wx/profile", token, Map.of("nickname", "friendly"));
		assertThat(passed.status().value()).as(passed.body()).isEqualTo(200);
		this.fake.contentVerdict("spam", "risky");
		HostIntegrationTest.assertProblem(this.client.put("/wx/profile", token, Map.of("nickname", "buy spam")), 422,
				"content_rejected");
		assertThat(this.fake.callCount(Api.MSG_SEC_CHECK)).isEqualTo(2);
	}

	@Test
	void avatarIsSentToWeChatsImageCheck() {
		String token = login("openid-secured-5").text("accessToken");
		Reply uploaded = this.client.raw("POST", "/wx/profile/avatar", token,
				"multipart/form-data; boundary=" + BOUNDARY, multipart(TestImages.png(40, 40)));
		assertThat(uploaded.status().value()).as(uploaded.body()).isEqualTo(200);
		assertThat(uploaded.json().get("checking").asBoolean()).isTrue();
		assertThat(this.fake.mediaChecks()).singleElement()
			.satisfies((check) -> assertThat(check.mediaUrl()).isEqualTo(uploaded.text("avatarUrl")));
	}

	@Test
	void plainReplyOnASecuredPathIsRefusedAsADowngrade(CapturedOutput output) {
		String token = login("openid-secured-6").text("accessToken");
		this.fake.answerSecuredCallsPlainly(this.fake.appid(), true);
		try {
			HostIntegrationTest.assertProblem(this.client.put("/wx/profile", token, Map.of("nickname", "friendly")),
					502, "wechat_bad_response");
		}
		finally {
			this.fake.answerSecuredCallsPlainly(this.fake.appid(), false);
		}
		assertThat(output).contains("refused as a downgrade");
	}

	@Test
	void refusalOfTheSecurityLayerIsAConfigurationErrorNamingTheSetting(CapturedOutput output) {
		String token = login("openid-secured-7").text("accessToken");
		this.fake.failNext(Api.PHONE_NUMBER, Fault.errcode(40235), 1);
		Reply reply = this.client.post("/wx/phone", token,
				Map.of("code", this.fake.issuePhoneCode("13800138403", "openid-secured-7")));
		HostIntegrationTest.assertProblem(reply, 502, "wechat_config_error");
		assertThat(reply.json().path("wxErrcode").asInt()).isEqualTo(40235);
		assertThat(output).contains("'wx.login.api-security.symmetric-key'")
			.contains("'wx.login.api-security.symmetric-sn'");
	}

	private Reply login(String openid) {
		Reply reply = this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode(openid)));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		return reply;
	}

	private static byte[] multipart(byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tmp.png\""
				+ "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

}
