package io.github.wxlogin.hostchain;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.wxlogin.hostchain.unrelated.UnrelatedChainApplication;
import io.github.wxlogin.test.AutoConfigureFakeWeChat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host whose one chain guards an unrelated admin area: the starter's endpoints stay guarded by their own
 * chain, the admin area keeps HTTP Basic, and the start-up log says that no chain takes the tokens.
 */
@SpringBootTest(classes = UnrelatedChainApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "wx.login.store.type=memory")
@AutoConfigureFakeWeChat
@ExtendWith(OutputCaptureExtension.class)
class UnrelatedChainIntegrationTests extends HostChainTest {

	@Test
	void theEndpointsNeedAToken() throws Exception {
		assertTheEndpointsNeedAToken();
	}

	@Test
	void loginWorksAndItsTokenOpensTheEndpoints() throws Exception {
		String token = login("openid-unrelated-1");
		HttpResponse<String> me = send(request("/wx/me").header("Authorization", "Bearer " + token));
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(me.body()).contains("\"openid\":\"openid-unrelated-1\"");
	}

	@Test
	void theAdminAreaKeepsHttpBasic() throws Exception {
		HttpResponse<String> anonymous = send(request("/admin/hello"));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("Basic"));
		String credentials = Base64.getEncoder().encodeToString("admin:admin-password".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> admin = send(request("/admin/hello").header("Authorization", "Basic " + credentials));
		assertThat(admin.statusCode()).isEqualTo(200);
	}

	@Test
	void oneWarningNamesTheChainAndTheFix(CapturedOutput output) {
		assertOneWarningNames(output, "'adminChain'");
	}

}
