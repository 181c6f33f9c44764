package io.github.wxlogin.sample;

import java.util.Map;

import io.github.wxlogin.sample.HttpClient.Reply;
import com.nimbusds.jose.JWSAlgorithm;
import io.github.wxlogin.sample.demo.DemoMode;
import io.github.wxlogin.token.WxSigningKey;
import io.github.wxlogin.test.FakeWeChatServer;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The application started with nothing: demo mode, as the README's first command runs it.
 */
@DemoApplicationTest
class DemoModeTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeWeChatServer wechat;

	@Value("${wx.login.api-base-url}")
	String apiBaseUrl;

	HttpClient http;

	@BeforeEach
	void setUp() {
		this.http = new HttpClient(this.port);
	}

	@Autowired
	WebApplicationContext context;

	@Test
	void withNoCredentialsTheStarterTalksToTheInProcessFakeWithTheDemoAppidAndKey() {
		assertThat(this.apiBaseUrl).isEqualTo(this.wechat.baseUrl());
		assertThat(this.wechat.appid()).isEqualTo(DemoMode.DEMO_APPID);
		// The fixed demo key, so that the demo's tokens survive a restart
		assertThat(this.context.getEnvironment().getProperty("wx.login.jwt.hmac-secret"))
			.isEqualTo(DemoMode.DEMO_HMAC_SECRET);
		assertThat(this.context.getBean(WxSigningKey.class).algorithm()).isEqualTo(JWSAlgorithm.HS256);
	}

	@Test
	void theDemoEndpointsAnswerOnlyToThisMachine() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context)
			.addFilters(this.context.getBean("springSecurityFilterChain", Filter.class))
			.build();
		mvc.perform(wxLogin("127.0.0.1")).andExpect(status().isOk());
		mvc.perform(wxLogin("0:0:0:0:0:0:0:1")).andExpect(status().isOk());
		mvc.perform(wxLogin("203.0.113.7"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("forbidden"));
		mvc.perform(wxLogin("192.168.1.20")).andExpect(status().isForbidden());
		// A proxy on this machine would make every client look local
		mvc.perform(wxLogin("127.0.0.1").header("X-Forwarded-For", "203.0.113.7")).andExpect(status().isForbidden());
		mvc.perform(wxLogin("127.0.0.1").header("Forwarded", "for=203.0.113.7")).andExpect(status().isForbidden());
		mvc.perform(get("/demo/info").with(remoteAddress("203.0.113.7"))).andExpect(status().isForbidden());
	}

	private static MockHttpServletRequestBuilder wxLogin(String remoteAddress) {
		return post("/demo/wx-login").with(remoteAddress(remoteAddress))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"openid\":\"demo-remote-1\"}");
	}

	private static RequestPostProcessor remoteAddress(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void aCodeFromTheDemoEndpointLogsInAndItsTokenOpensTheProtectedApi() {
		Reply code = this.http.post("/demo/wx-login", null, Map.of("openid", "demo-smoke-1"));
		assertThat(code.status()).isEqualTo(200);
		Reply login = this.http.post("/wx/login", null, Map.of("code", code.text("code")));
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().path("user").path("openid").asString()).isEqualTo("demo-smoke-1");
		String userId = login.json().path("user").path("id").asString();

		Reply hello = this.http.get("/api/hello", login.text("accessToken"));
		assertThat(hello.status()).isEqualTo(200);
		assertThat(hello.text("userId")).isEqualTo(userId);
		assertThat(hello.text("openid")).isEqualTo("demo-smoke-1");
		assertThat(hello.text("message")).contains(userId);
	}

	@Test
	void theDemoPagesAvatarIsServedWithoutATokenAndTheStarterKeepsItsUpload() {
		Reply image = this.http.get("/img/demo-avatar.png", null);
		assertThat(image.status()).isEqualTo(200);
		assertThat(image.headers().getContentType()).hasToString("image/png");
		Reply code = this.http.post("/demo/wx-login", null, Map.of("openid", "demo-avatar-1"));
		String accessToken = this.http.post("/wx/login", null, Map.of("code", code.text("code"))).text("accessToken");
		LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ClassPathResource("static/img/demo-avatar.png"));
		Reply upload = this.http.multipart("/wx/profile/avatar", accessToken, form);
		assertThat(upload.status()).as(upload.body()).isEqualTo(200);
		String avatarUrl = upload.text("avatarUrl");
		assertThat(avatarUrl).matches("/wx/avatars/[0-9a-f]{80}\\.png");
		assertThat(this.http.get(avatarUrl, null).status()).isEqualTo(200);
		assertThat(this.http.get("/wx/me", accessToken).text("avatarUrl")).isEqualTo(avatarUrl);
	}

	@Test
	void aBearerCallLeavesNoSessionCookieBehind() {
		Reply code = this.http.post("/demo/wx-login", null, Map.of("openid", "demo-smoke-3"));
		String accessToken = this.http.post("/wx/login", null, Map.of("code", code.text("code"))).text("accessToken");
		Reply hello = this.http.get("/api/hello", accessToken);
		assertThat(hello.status()).isEqualTo(200);
		assertThat(hello.headers().get(HttpHeaders.SET_COOKIE)).isNull();
	}

	@Test
	void theProtectedApiRefusesACallerWithoutAToken() {
		Reply hello = this.http.get("/api/hello", null);
		assertThat(hello.status()).isEqualTo(401);
		assertThat(hello.contentType())
			.matches((type) -> type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(hello.text("code")).isEqualTo("unauthorized");
	}

	@Test
	void thePublicTwinAnswersTheSameShapeWithoutAToken() {
		Reply hello = this.http.get("/api/public/hello", null);
		assertThat(hello.status()).isEqualTo(200);
		assertThat(hello.json().propertyNames()).containsExactlyInAnyOrder("message", "userId", "openid");
		assertThat(hello.text("userId")).isEqualTo("anonymous");
		assertThat(hello.text("openid")).isEqualTo("anonymous");
	}

	@Test
	void theDemoPageAndItsFilesAreServedWithoutAToken() {
		Reply page = this.http.get("/", null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"btn-login\"").contains("js/demo.js");
		assertThat(this.http.get("/js/demo.js", null).status()).isEqualTo(200);
		assertThat(this.http.get("/css/demo.css", null).status()).isEqualTo(200);
	}

	@Test
	void theDemoEndpointsPlayTheWeChatClientForALoggedInUser() {
		Reply code = this.http.post("/demo/wx-login", null, Map.of("openid", "demo-smoke-2"));
		String accessToken = this.http.post("/wx/login", null, Map.of("code", code.text("code"))).text("accessToken");

		String phoneNumber = PhoneNumbers.unique();
		Reply phoneCode = this.http.post("/demo/phone-code", null,
				Map.of("openid", "demo-smoke-2", "phoneNumber", phoneNumber));
		Reply phone = this.http.post("/wx/phone", accessToken, Map.of("code", phoneCode.text("code")));
		assertThat(phone.status()).isEqualTo(200);
		assertThat(phone.text("phoneNumber")).isEqualTo(phoneNumber);

		Reply profile = this.http.post("/demo/user-profile", null,
				Map.of("openid", "demo-smoke-2", "nickname", "Xiao Hong", "avatarUrl", "https://example.com/a.png"));
		Reply saved = this.http.post("/wx/profile/wechat", accessToken, profile.json());
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.text("nickname")).isEqualTo("Xiao Hong");
	}

	@Test
	void theDemoEndpointsExplainWhatIsWrongWithARequest() {
		Reply missing = this.http.post("/demo/wx-login", null, Map.of());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.text("code")).isEqualTo("invalid_request");
		Reply stranger = this.http.post("/demo/user-profile", null,
				Map.of("openid", "demo-never-logged-in", "nickname", "x", "avatarUrl", "https://example.com/a.png"));
		assertThat(stranger.status()).isEqualTo(409);
		assertThat(stranger.text("code")).isEqualTo("not_logged_in");
	}

}
