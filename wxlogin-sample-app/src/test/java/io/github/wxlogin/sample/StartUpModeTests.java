package io.github.wxlogin.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import io.github.wxlogin.autoconfigure.WxLoginProperties;
import io.github.wxlogin.sample.HttpClient.Reply;
import io.github.wxlogin.sample.demo.DemoMode;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.token.WxSigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What the application talks to, for each way of starting it. With nothing given it runs the demo
 * ({@link DemoModeTests}); with {@code api-base-url}, {@code appid} and {@code secret} it uses that server
 * ({@link ExternalWeChatServerTests}); the other combinations are here.
 */
class StartUpModeTests {

	private static final String APPID = "wx00000000000e0001";

	private static final String SECRET = "0123456789abcdef0123456789abcdef";

	private static ConfigurableApplicationContext start(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--server.port=0");
		all.add("--spring.datasource.url=jdbc:h2:mem:wxlogin-sample-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		return new SpringApplicationBuilder(SampleApplication.class).run(all.toArray(String[]::new));
	}

	private static HttpClient http(ConfigurableApplicationContext application) {
		return new HttpClient(application.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	private static String hmacSecret(ConfigurableApplicationContext application) {
		return application.getEnvironment().getProperty("wx.login.jwt.hmac-secret");
	}

	@Test
	void withCredentialsTheApplicationTalksToWeChatAndHasNothingOfTheDemo() {
		try (ConfigurableApplicationContext application = start("--wx.login.appid=" + APPID,
				"--wx.login.secret=" + SECRET)) {
			assertThat(application.getBean(WxLoginProperties.class).apiBaseUrl()).isEqualTo("https://api.weixin.qq.com");
			assertThat(application.getBeansOfType(FakeWeChatServer.class)).isEmpty();
			assertThat(application.getEnvironment().getPropertySources().contains(DemoMode.BEAN_NAME)).isFalse();
			assertThat(hmacSecret(application)).as("the published demo key").isNull();
			Reply demo = http(application).post("/demo/wx-login", null, Map.of("openid", "anyone"));
			assertThat(demo.status()).isEqualTo(404);
		}
	}

	@Test
	void withCredentialsAndTheDemoSwitchTheFakeAcceptsThemButTheDemoKeyIsNotUsed() {
		try (ConfigurableApplicationContext application = start(DemoMode.SWITCH, "--wx.login.appid=" + APPID,
				"--wx.login.secret=" + SECRET)) {
			FakeWeChatServer wechat = application.getBean(FakeWeChatServer.class);
			assertThat(wechat.appid()).isEqualTo(APPID);
			assertThat(wechat.secret()).isEqualTo(SECRET);
			assertThat(application.getBean(WxLoginProperties.class).apiBaseUrl()).isEqualTo(wechat.baseUrl());
			// Tokens are signed with the starter's generated key, never with the key published in the source
			assertThat(hmacSecret(application)).isNull();
			HttpClient http = http(application);
			Reply code = http.post("/demo/wx-login", null, Map.of("openid", "demo-switch-1"));
			assertThat(code.status()).isEqualTo(200);
			Reply login = http.post("/wx/login", null, Map.of("code", code.text("code")));
			assertThat(login.status()).isEqualTo(200);
			assertThat(http.get("/api/hello", login.text("accessToken")).text("openid")).isEqualTo("demo-switch-1");
		}
	}

	@Test
	void theDemoSwitchWithNoCredentialsRunsTheDemoAsNothingDoes() {
		try (ConfigurableApplicationContext application = start(DemoMode.SWITCH)) {
			FakeWeChatServer wechat = application.getBean(FakeWeChatServer.class);
			assertThat(wechat.appid()).isEqualTo(DemoMode.DEMO_APPID);
			assertThat(application.getBean(WxLoginProperties.class).apiBaseUrl()).isEqualTo(wechat.baseUrl());
			assertThat(hmacSecret(application)).isEqualTo(DemoMode.DEMO_HMAC_SECRET);
		}
	}

	@Test
	void theDemoWithAKeyOfTheDevelopersOwnSignsWithThatKey(@TempDir Path dir) throws Exception {
		Path key = dir.resolve("key.pem");
		Process openssl = new ProcessBuilder("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt",
				"ec_paramgen_curve:P-256", "-out", key.toString()).inheritIO().start();
		assertThat(openssl.waitFor()).as("openssl genpkey").isZero();
		try (ConfigurableApplicationContext application = start("--wx.login.jwt.private-key-location=file:" + key)) {
			assertThat(application.getBean(FakeWeChatServer.class).appid()).isEqualTo(DemoMode.DEMO_APPID);
			assertThat(hmacSecret(application)).isNull();
			assertThat(application.getBean(WxSigningKey.class).algorithm()).isEqualTo(JWSAlgorithm.ES256);
			HttpClient http = http(application);
			Reply code = http.post("/demo/wx-login", null, Map.of("openid", "demo-own-key-1"));
			Reply login = http.post("/wx/login", null, Map.of("code", code.text("code")));
			assertThat(http.get("/api/hello", login.text("accessToken")).text("openid")).isEqualTo("demo-own-key-1");
		}
	}

	@Test
	void theDemoSwitchIsOffWhenItSaysFalse() {
		try (ConfigurableApplicationContext application = start(DemoMode.SWITCH + "=false",
				"--wx.login.appid=" + APPID, "--wx.login.secret=" + SECRET)) {
			assertThat(application.getBeansOfType(FakeWeChatServer.class)).isEmpty();
			assertThat(application.getBean(WxLoginProperties.class).apiBaseUrl()).isEqualTo("https://api.weixin.qq.com");
		}
	}

	@Test
	void theDemoSwitchCountsOnlyOnTheCommandLine() {
		try (ConfigurableApplicationContext application = new SpringApplicationBuilder(SampleApplication.class)
			.properties("demo=true", "server.port=0", "wx.login.appid=" + APPID, "wx.login.secret=" + SECRET,
					"spring.datasource.url=jdbc:h2:mem:wxlogin-sample-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
			.run()) {
			assertThat(application.getBeansOfType(FakeWeChatServer.class)).isEmpty();
		}
	}

	@Test
	void theDemoSwitchWithAnotherWeChatServerFailsStartUp() {
		assertThatException().isThrownBy(() -> start(DemoMode.SWITCH, "--wx.login.api-base-url=http://127.0.0.1:9",
				"--wx.login.appid=" + APPID, "--wx.login.secret=" + SECRET))
			.withMessageContaining("--demo runs a fake WeChat server in this process");
	}

}
