package io.github.wxlogin.sample;

import java.util.Map;

import io.github.wxlogin.sample.HttpClient.Reply;
import io.github.wxlogin.test.FakeWeChatServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same application started with {@code --wx.login.api-base-url} and credentials, as it would be
 * against WeChat itself: no demo server and no demo endpoints.
 */
class ExternalWeChatServerTests {

	static FakeWeChatServer wechat;

	static ConfigurableApplicationContext application;

	static HttpClient http;

	@BeforeAll
	static void startTheApplicationAgainstAnotherServer() {
		wechat = FakeWeChatServer.start("wxe8e0000000000001", "external-secret-0123456789abcdef");
		application = new SpringApplicationBuilder(SampleApplication.class).run("--server.port=0",
				"--wx.login.api-base-url=" + wechat.baseUrl(), "--wx.login.appid=" + wechat.appid(),
				"--wx.login.secret=" + wechat.secret(),
				"--spring.datasource.url=jdbc:h2:mem:wxlogin-sample-external;DB_CLOSE_DELAY=-1");
		http = new HttpClient(application.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	@AfterAll
	static void stop() {
		application.close();
		wechat.close();
	}

	@Test
	void noDemoServerIsStarted() {
		assertThat(application.getBeansOfType(FakeWeChatServer.class)).isEmpty();
	}

	@Test
	void theDemoEndpointsDoNotExist() {
		assertThat(http.post("/demo/wx-login", null, Map.of("openid", "external-1")).status()).isEqualTo(404);
	}

	@Test
	void usersLogInThroughTheGivenServer() {
		Reply login = http.post("/wx/login", null, Map.of("code", wechat.issueLoginCode("external-1")));
		assertThat(login.status()).isEqualTo(200);
		Reply hello = http.get("/api/hello", login.text("accessToken"));
		assertThat(hello.text("openid")).isEqualTo("external-1");
	}

}
