package io.github.wxlogin.hostchain;

import java.net.http.HttpResponse;

import io.github.wxlogin.autoconfigure.WxLoginSecurityAutoConfiguration;
import io.github.wxlogin.hostchain.configured.HostChainApplication;
import io.github.wxlogin.test.AutoConfigureFakeWeChat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host chain that applies {@code WxLoginConfigurer}: its rules guard its paths, the starter's chain
 * guards the endpoints, and nothing is logged about it.
 */
@SpringBootTest(classes = HostChainApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "wx.login.store.type=memory")
@AutoConfigureFakeWeChat
@ExtendWith(OutputCaptureExtension.class)
class HostChainIntegrationTests extends HostChainTest {

	@Autowired
	ApplicationContext context;

	@Test
	void theHostChainServesEverythingButTheEndpoints() {
		assertThat(this.context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("hostChain",
				WxLoginSecurityAutoConfiguration.ENDPOINTS_CHAIN_BEAN_NAME);
	}

	@Test
	void noWarningIsLogged(CapturedOutput output) {
		assertThat(output).contains("Started").doesNotContain("does not apply WxLoginConfigurer");
	}

	@Test
	void theEndpointsNeedAToken() throws Exception {
		assertTheEndpointsNeedAToken();
	}

	@Test
	void loginStillGoesThroughAndTheHostsRulesApply() throws Exception {
		String token = login("openid-host-1");
		HttpResponse<String> hello = send(request("/api/hello").header("Authorization", "Bearer " + token));
		assertThat(hello.statusCode()).isEqualTo(200);
		assertThat(hello.headers().firstValue("Set-Cookie")).isEmpty();
		assertUnauthorized(send(request("/api/hello")));
		assertThat(send(request("/api/public/hello")).statusCode()).isEqualTo(200);
		HttpResponse<String> otherApp = send(request("/api/shop/hello").header("Authorization", "Bearer " + token));
		assertThat(otherApp.statusCode()).isEqualTo(403);
		assertThat(otherApp.body()).contains("\"code\":\"forbidden\"");
		assertThat(otherApp.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(send(request("/wx/jwks.json")).statusCode()).isEqualTo(200);
		assertThat(send(request("/wx/me").header("Authorization", "Bearer " + token)).statusCode()).isEqualTo(200);
	}

}
