package io.github.wxlogin.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.github.wxlogin.it.WxLoginClient.Reply;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 7662 introspection, for the services configured as clients, and RFC 7009 revocation, for the
 * client that holds a token, over HTTP with form-encoded bodies.
 */
class OAuth2TokenEndpointsIntegrationTests extends HostIntegrationTest {

	private static final String INTROSPECT = "/wx/oauth2/introspect";

	private static final String REVOKE = "/wx/oauth2/revoke";

	private static final String ORDERS = basic("orders", INTROSPECTION_SECRET);

	@Test
	void anAccessTokenIsActiveWithWhatItStandsFor() {
		Reply login = login("openid-introspected");
		Reply introspection = this.client.form(INTROSPECT, ORDERS, Map.of("token", login.text("accessToken")));
		assertThat(introspection.status().value()).as(introspection.body()).isEqualTo(200);
		assertThat(introspection.contentType()).startsWith("application/json");
		Map<String, Object> members = introspection.map();
		assertThat(members).containsEntry("active", true)
			.containsEntry("token_type", "Bearer")
			.containsEntry("sub", login.json().path("user").path("id").asString())
			.containsEntry("openid", "openid-introspected")
			.containsEntry("client_id", this.fake.appid())
			.containsEntry("tenant", "default")
			.containsKeys("exp", "iat", "jti", "sid", "iss", "aud");
	}

	@Test
	void aRefreshTokenIsActiveUntilItIsSpent() {
		Reply login = login("openid-refresh-introspected");
		String refreshToken = login.text("refreshToken");
		Map<String, Object> members = this.client.form(INTROSPECT, ORDERS, Map.of("token", refreshToken)).map();
		assertThat(members).containsEntry("active", true)
			.containsEntry("token_type", "refresh_token")
			.containsEntry("openid", "openid-refresh-introspected");
		assertThat(this.client.post("/wx/token/refresh", Map.of("refreshToken", refreshToken)).status().value())
			.isEqualTo(200);
		assertThat(this.client.form(INTROSPECT, ORDERS, Map.of("token", refreshToken)).map())
			.containsExactly(Map.entry("active", false));
	}

	@Test
	void aTokenLoggedOutForgedOrUnknownIsInactive() {
		String accessToken = accessToken("openid-logged-out");
		assertThat(this.client.post("/wx/logout", accessToken, Map.of()).status().value()).isEqualTo(204);
		// a token that was valid once says why it stopped working
		assertThat(this.client.form(INTROSPECT, ORDERS, Map.of("token", accessToken)).map())
			.containsExactly(Map.entry("active", false), Map.entry("reason", "session_ended"));
		for (String token : new String[] { accessToken.substring(0, accessToken.length() - 4) + "AAAA",
				"not-a-token", "family.secret" }) {
			Reply introspection = this.client.form(INTROSPECT, ORDERS, Map.of("token", token));
			assertThat(introspection.status().value()).as(introspection.body()).isEqualTo(200);
			assertThat(introspection.map()).as(token).containsExactly(Map.entry("active", false));
		}
	}

	@Test
	void introspectionNeedsTheCredentialsOfAConfiguredClient() {
		String accessToken = accessToken("openid-not-introspected");
		for (String authorization : new String[] { null, basic("orders", "a-wrong-secret-of-32-characters-or-more"),
				basic("payments", INTROSPECTION_SECRET), "Bearer " + accessToken, "Basic not-base64!" }) {
			Reply refused = this.client.form(INTROSPECT, authorization, Map.of("token", accessToken));
			assertProblem(refused, 401, "unauthorized");
			assertThat(refused.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
			assertThat(refused.body()).doesNotContain(accessToken);
		}
	}

	@Test
	void revokingARefreshTokenEndsItsSession() {
		Reply login = login("openid-revoked-session");
		String accessToken = login.text("accessToken");
		Reply revoked = this.client.form(REVOKE, null, Map.of("token", login.text("refreshToken")));
		assertThat(revoked.status().value()).as(revoked.body()).isEqualTo(200);
		assertProblem(this.client.post("/wx/token/refresh", Map.of("refreshToken", login.text("refreshToken"))), 401,
				"invalid_refresh_token");
		assertThat(this.client.get("/wx/me", accessToken).status().value()).isEqualTo(401);
	}

	@Test
	void revokingAnAccessTokenRefusesItAndLeavesItsSession() {
		Reply login = login("openid-revoked-access-token");
		String accessToken = login.text("accessToken");
		assertThat(this.client.get("/wx/me", accessToken).status().value()).isEqualTo(200);
		assertThat(this.client.form(REVOKE, null, Map.of("token", accessToken)).status().value()).isEqualTo(200);
		assertThat(this.client.get("/wx/me", accessToken).status().value()).isEqualTo(401);
		assertThat(this.client.post("/wx/token/refresh", Map.of("refreshToken", login.text("refreshToken")))
			.status()
			.value()).isEqualTo(200);
	}

	@Test
	void revokingAnUnknownTokenIsAnsweredAsDone() {
		for (String token : new String[] { "not-a-token", "family.secret", "a.b.c" }) {
			assertThat(this.client.form(REVOKE, null, Map.of("token", token)).status().value()).as(token).isEqualTo(200);
		}
	}

	@Test
	void aRequestWithoutATokenOrWithJsonIsRefused() {
		assertProblem(this.client.form(REVOKE, null, Map.of()), 400, "invalid_request");
		assertProblem(this.client.form(INTROSPECT, ORDERS, Map.of("token_type_hint", "access_token")), 400,
				"invalid_request");
		Reply json = this.client.post(REVOKE, Map.of("token", "not-a-token"));
		assertProblem(json, 415, "invalid_request");
	}

	@Test
	void aStockResourceServerWithOpaqueTokensTakesTheTokensThroughIntrospection() {
		String token = accessToken("openid-opaque");
		try (ConfigurableApplicationContext otherService = new SpringApplicationBuilder(OpaqueTokenService.class)
			.properties("server.port=0", "wx.login.enabled=false",
					"spring.security.oauth2.resourceserver.opaquetoken.introspection-uri=http://127.0.0.1:" + this.port
							+ INTROSPECT,
					"spring.security.oauth2.resourceserver.opaquetoken.client-id=orders",
					"spring.security.oauth2.resourceserver.opaquetoken.client-secret=" + INTROSPECTION_SECRET)
			.run()) {
			WxLoginClient other = new WxLoginClient(
					Integer.parseInt(otherService.getEnvironment().getProperty("local.server.port")));
			Reply orders = other.get("/orders", token);
			assertThat(orders.status().value()).as(orders.body()).isEqualTo(200);
			assertThat(orders.text("openid")).isEqualTo("openid-opaque");
			assertThat(this.client.post("/wx/logout", token, Map.of()).status().value()).isEqualTo(204);
			assertThat(other.get("/orders", token).status().value()).isEqualTo(401);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(OpaqueOrders.class)
	static class OpaqueTokenService {

	}

	@RestController
	static class OpaqueOrders {

		@GetMapping("/orders")
		Map<String, Object> orders(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal caller) {
			return Map.of("openid", caller.getAttribute("openid"));
		}

	}

	private static String basic(String client, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

}
