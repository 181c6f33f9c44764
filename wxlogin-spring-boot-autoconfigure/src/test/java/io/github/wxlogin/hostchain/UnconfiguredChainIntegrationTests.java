package io.github.wxlogin.hostchain;

import java.net.http.HttpResponse;

import io.github.wxlogin.hostchain.unconfigured.UnconfiguredChainApplication;
import io.github.wxlogin.test.AutoConfigureFakeWeChat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host chain that authenticates every path but forgets {@code WxLoginConfigurer}: the start-up log names
 * it and the fix, and the starter's endpoints keep their own rules (login open, the rest behind a token).
 */
@SpringBootTest(classes = UnconfiguredChainApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "wx.login.store.type=memory")
@AutoConfigureFakeWeChat
@ExtendWith(OutputCaptureExtension.class)
class UnconfiguredChainIntegrationTests extends HostChainTest {

	@Test
	void oneWarningNamesTheChainAndTheFix(CapturedOutput output) {
		assertOneWarningNames(output, "'apiChain'");
	}

	@Test
	void theEndpointsNeedAToken() throws Exception {
		assertTheEndpointsNeedAToken();
	}

	@Test
	void loginWorksAndItsTokenOpensTheEndpoints() throws Exception {
		String token = login("openid-unconfigured-1");
		HttpResponse<String> me = send(request("/wx/me").header("Authorization", "Bearer " + token));
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		HttpResponse<String> hello = send(request("/api/hello").header("Authorization", "Bearer " + token));
		assertThat(hello.statusCode()).as(hello.body()).isEqualTo(200);
	}

}
