package io.github.wxlogin.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.github.wxlogin.it.OtherServiceIntegrationTests.OtherService;
import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.test.AutoConfigureFakeWeChat;
import io.github.wxlogin.test.FakeWeChatServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host application whose issuer is its own URL serves the issuer's metadata, so that another service's
 * stock resource server configured with {@code issuer-uri} and the audience alone takes its tokens.
 */
@SpringBootTest(classes = HostApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "wx.login.rate-limit.enabled=false", "wx.login.store.type=memory" })
@AutoConfigureFakeWeChat
class IssuerDiscoveryIntegrationTests {

	/** The issuer names the port, so the port is chosen before the application starts. */
	private static final int PORT = freePort();

	private static final String ISSUER = "http://127.0.0.1:" + PORT + "/wx";

	@Autowired
	FakeWeChatServer fake;

	private final WxLoginClient client = new WxLoginClient(PORT);

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("wx.login.jwt.issuer", () -> ISSUER);
	}

	@Test
	void theMetadataIsServedWhereOpenIdConnectAndRfc8414PutIt() {
		for (String path : new String[] { "/wx/.well-known/openid-configuration",
				"/.well-known/oauth-authorization-server/wx" }) {
			Reply metadata = this.client.get(path, null);
			assertThat(metadata.status().value()).as(path + ": " + metadata.body()).isEqualTo(200);
			assertThat(metadata.contentType()).startsWith("application/json");
			assertThat(metadata.text("issuer")).isEqualTo(ISSUER);
			assertThat(metadata.text("jwks_uri")).isEqualTo(ISSUER + "/jwks.json");
			assertThat(metadata.json().path("access_token_signing_alg_values_supported").get(0).asString())
				.isEqualTo("ES256");
		}
	}

	@Test
	void aStockResourceServerConfiguredWithTheIssuerAndTheAudienceAloneTakesTheTokens() {
		Reply login = this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode("openid-by-issuer")));
		String token = login.text("accessToken");
		try (ConfigurableApplicationContext otherService = new SpringApplicationBuilder(OtherService.class).properties(
				"server.port=0", "wx.login.enabled=false",
				"spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
				"spring.security.oauth2.resourceserver.jwt.audiences=" + this.fake.appid())
			.run()) {
			WxLoginClient other = new WxLoginClient(
					Integer.parseInt(otherService.getEnvironment().getProperty("local.server.port")));
			Reply orders = other.get("/orders", token);
			assertThat(orders.status().value()).as(orders.body()).isEqualTo(200);
			assertThat(orders.text("openid")).isEqualTo("openid-by-issuer");
			assertThat(other.get("/orders", null).status().value()).isEqualTo(401);
			assertThat(other.get("/orders", token.substring(0, token.length() - 4) + "AAAA").status().value())
				.isEqualTo(401);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
