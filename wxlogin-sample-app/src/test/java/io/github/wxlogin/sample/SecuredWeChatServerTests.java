package io.github.wxlogin.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.wxlogin.sample.HttpClient.Reply;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.FakeWeChatServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app against a WeChat server whose API security is on, which refuses every plain call to a
 * secured API: the sample's whole flow (login, phone login, the nickname's check, the avatar's check) works
 * with the keys and certificate in its properties, as docs/api-security.md sets them.
 */
class SecuredWeChatServerTests {

	static FakeWeChatServer wechat;

	static ConfigurableApplicationContext application;

	static HttpClient http;

	@TempDir
	static Path avatars;

	@BeforeAll
	static void startTheApplicationAgainstASecuredServer() {
		wechat = FakeWeChatServer.start("wxe8e0000000000002", "secured-secret-0123456789abcdef");
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--wx.login.api-base-url=" + wechat.baseUrl(),
				"--wx.login.appid=" + wechat.appid(), "--wx.login.secret=" + wechat.secret(),
				"--wx.login.profile.content-check=true", "--wx.login.avatar.public-base-url=https://avatars.example.com",
				"--wx.login.avatar.directory=" + avatars,
				"--spring.datasource.url=jdbc:h2:mem:wxlogin-sample-secured;DB_CLOSE_DELAY=-1"));
		wechat.enableApiSecurity()
			.properties("wx.login.api-security")
			.forEach((name, value) -> args.add("--" + name + "=" + value));
		application = new SpringApplicationBuilder(SampleApplication.class).run(args.toArray(String[]::new));
		http = new HttpClient(application.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	@AfterAll
	static void stop() {
		application.close();
		wechat.close();
	}

	@Test
	void theWholeFlowWorksWithEverySecuredCallEncryptedAndSigned() {
		Reply login = http.post("/wx/login", null, Map.of("code", wechat.issueLoginCode("secured-1")));
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		String accessToken = login.text("accessToken");

		Reply phoneLogin = http.post("/wx/login/phone", null, wechat.issuePhoneLoginCodes("secured-2", "13800138501"));
		assertThat(phoneLogin.status()).as(phoneLogin.body()).isEqualTo(200);
		assertThat(phoneLogin.json().path("phoneBound").asBoolean()).isTrue();

		Reply nickname = http.put("/wx/profile", accessToken, Map.of("nickname", "Xiao Ming"));
		assertThat(nickname.status()).as(nickname.body()).isEqualTo(200);

		LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ClassPathResource("static/img/demo-avatar.png"));
		Reply avatar = http.multipart("/wx/profile/avatar", accessToken, form);
		assertThat(avatar.status()).as(avatar.body()).isEqualTo(200);
		assertThat(avatar.json().path("checking").asBoolean()).isTrue();

		assertThat(wechat.callCount(Api.PHONE_NUMBER)).isEqualTo(1);
		assertThat(wechat.callCount(Api.MSG_SEC_CHECK)).isEqualTo(1);
		assertThat(wechat.mediaChecks()).hasSize(1);
	}

}
