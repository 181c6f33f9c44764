package io.github.wxlogin.authserver;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.wxlogin.WxAccountStore;
import io.github.wxlogin.authserver.AuthorizationServerApplication.LoginEvents;
import io.github.wxlogin.event.WxLoginAuditEvent;
import io.github.wxlogin.event.WxNewUserEvent;
import io.github.wxlogin.login.WxAccountManager;
import io.github.wxlogin.test.AutoConfigureFakeWeChat;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.PhoneLoginCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The WeChat grants at a real authorization server, over HTTP, with the fake WeChat server: tokens issued
 * and renewed by the server under its client's settings, refusals as OAuth 2 errors, and a resource server
 * that knows only the server's JWK set accepting what it issued.
 */
@SpringBootTest(classes = AuthorizationServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.security.oauth2.authorizationserver.client.mini.registration.client-id=mini-program",
				"spring.security.oauth2.authorizationserver.client.mini.registration.client-secret={noop}mini-secret",
				"spring.security.oauth2.authorizationserver.client.mini.registration.client-authentication-methods=client_secret_basic",
				"spring.security.oauth2.authorizationserver.client.mini.registration.authorization-grant-types="
						+ "urn:wxlogin:params:oauth:grant-type:wx-login,urn:wxlogin:params:oauth:grant-type:wx-phone,refresh_token",
				"spring.security.oauth2.authorizationserver.client.mini.registration.scopes=orders",
				"spring.security.oauth2.authorizationserver.client.mini.token.reuse-refresh-tokens=false",
				"spring.security.oauth2.authorizationserver.client.other.registration.client-id=other",
				"spring.security.oauth2.authorizationserver.client.other.registration.client-secret={noop}other-secret",
				"spring.security.oauth2.authorizationserver.client.other.registration.client-authentication-methods=client_secret_basic",
				"spring.security.oauth2.authorizationserver.client.other.registration.authorization-grant-types=client_credentials" })
@AutoConfigureFakeWeChat
class WxLoginGrantsIntegrationTests {

	private static final String WX_LOGIN = "urn:wxlogin:params:oauth:grant-type:wx-login";

	private static final String WX_PHONE = "urn:wxlogin:params:oauth:grant-type:wx-phone";

	@Autowired
	FakeWeChatServer wechat;

	@Autowired
	WxAccountManager accounts;

	@Autowired
	WxAccountStore accountStore;

	@Autowired
	LoginEvents events;

	@LocalServerPort
	int port;

	private RestClient http;

	private JwtDecoder resourceServer;

	@BeforeEach
	void resourceServerThatKnowsOnlyTheJwkSet() {
		String issuer = "http://localhost:" + this.port;
		this.http = RestClient.create(issuer);
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer + "/oauth2/jwks").build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
				new JwtClaimValidator<List<String>>("aud", (audience) -> audience.contains("mini-program"))));
		this.resourceServer = decoder;
	}

	@Test
	void wxLoginGrantIssuesTokensThatAResourceServerAccepts() {
		ResponseEntity<Map> reply = token("mini-program", "mini-secret",
				form(WX_LOGIN, "code", this.wechat.issueLoginCode("openid-login")));

		assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<?, ?> body = reply.getBody();
		assertThat(body.get("token_type")).isEqualTo("Bearer");
		assertThat(body.get("refresh_token")).isNotNull();
		assertThat(body.get("new_user")).isEqualTo(true);
		Jwt jwt = this.resourceServer.decode((String) body.get("access_token"));
		assertThat(jwt.getClaimAsString("openid")).isEqualTo("openid-login");
		assertThat(jwt.getClaimAsString("appid")).isEqualTo(this.wechat.appid());
		assertThat(jwt.getClaimAsString("tenant")).isEqualTo("default");
		assertThat(jwt.getSubject()).isEqualTo(accountOf("openid-login"));
		assertThat(this.events.received).anySatisfy((event) -> assertThat(event).isInstanceOfSatisfying(
				WxNewUserEvent.class, (newUser) -> assertThat(newUser.accountId()).isEqualTo(jwt.getSubject())));
	}

	@Test
	void aReturningUserKeepsTheAccountAndIsNotNew() {
		String first = accessToken(token("mini-program", "mini-secret",
				form(WX_LOGIN, "code", this.wechat.issueLoginCode("openid-returning"))));
		ResponseEntity<Map> again = token("mini-program", "mini-secret",
				form(WX_LOGIN, "code", this.wechat.issueLoginCode("openid-returning")));

		assertThat(again.getBody().get("new_user")).isEqualTo(false);
		assertThat(this.resourceServer.decode(accessToken(again)).getSubject())
			.isEqualTo(this.resourceServer.decode(first).getSubject());
	}

	@Test
	void refreshTokenGrantRotatesTheRefreshTokenAndKeepsTheClaims() {
		Map<?, ?> issued = token("mini-program", "mini-secret",
				form(WX_LOGIN, "code", this.wechat.issueLoginCode("openid-refresh"))).getBody();
		String refreshToken = (String) issued.get("refresh_token");

		ResponseEntity<Map> renewed = token("mini-program", "mini-secret",
				form("refresh_token", "refresh_token", refreshToken));

		assertThat(renewed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(renewed.getBody().get("refresh_token")).isNotNull().isNotEqualTo(refreshToken);
		Jwt jwt = this.resourceServer.decode(accessToken(renewed));
		assertThat(jwt.getClaimAsString("openid")).isEqualTo("openid-refresh");
		assertThat(jwt.getSubject()).isEqualTo(accountOf("openid-refresh"));
		ResponseEntity<Map> spent = token("mini-program", "mini-secret",
				form("refresh_token", "refresh_token", refreshToken));
		assertThat(spent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(spent.getBody().get("error")).isEqualTo("invalid_grant");
	}

	@Test
	void refreshOfADisabledAccountIsAnInvalidGrant() {
		Map<?, ?> issued = token("mini-program", "mini-secret",
				form(WX_LOGIN, "code", this.wechat.issueLoginCode("openid-disabled"))).getBody();
		this.accounts.disable(accountOf("openid-disabled"));

		ResponseEntity<Map> renewed = token("mini-program", "mini-secret",
				form("refresh_token", "refresh_token", (String) issued.get("refresh_token")));

		assertThat(renewed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(renewed.getBody()).containsEntry("error", "invalid_grant")
			.containsEntry("error_description", "account_disabled");
	}

	@Test
	void phoneGrantSignsInTheAccountThatOwnsThePhone() {
		PhoneLoginCodes codes = this.wechat.issuePhoneLoginCodes("openid-phone", "13800138000");

		ResponseEntity<Map> reply = token("mini-program", "mini-secret",
				form(WX_PHONE, "login_code", codes.loginCode(), "phone_code", codes.phoneCode(), "scope", "orders"));

		assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.OK);
		Jwt jwt = this.resourceServer.decode(accessToken(reply));
		assertThat(jwt.getClaimAsString("openid")).isEqualTo("openid-phone");
		assertThat(jwt.getClaimAsStringList("scope")).containsExactly("orders");
		assertThat(this.accounts.findByPhone("13800138000")).hasValueSatisfying(
				(account) -> assertThat(account.id()).isEqualTo(jwt.getSubject()));
		assertThat(this.events.received).anySatisfy((event) -> assertThat(event)
			.isInstanceOfSatisfying(WxLoginAuditEvent.class, (audit) -> {
				assertThat(audit.action()).isEqualTo(WxLoginAuditEvent.Action.PHONE_LOGIN);
				assertThat(audit.succeeded()).isTrue();
				assertThat(audit.accountId()).isEqualTo(jwt.getSubject());
			}));
	}

	@Test
	void codeWeChatRejectsIsAnInvalidGrant() {
		String code = this.wechat.issueLoginCode("openid-used");
		token("mini-program", "mini-secret", form(WX_LOGIN, "code", code));

		ResponseEntity<Map> reply = token("mini-program", "mini-secret", form(WX_LOGIN, "code", code));

		assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(reply.getBody()).containsEntry("error", "invalid_grant")
			.containsEntry("error_description", "invalid_code");
	}

	@Test
	void missingCodeIsAnInvalidRequest() {
		ResponseEntity<Map> reply = token("mini-program", "mini-secret", form(WX_PHONE, "login_code", "abc"));

		assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(reply.getBody()).containsEntry("error", "invalid_request");
	}

	@Test
	void clientNotRegisteredForTheGrantIsAnUnauthorizedClient() {
		ResponseEntity<Map> reply = token("other", "other-secret",
				form(WX_LOGIN, "code", this.wechat.issueLoginCode("openid-other")));

		assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(reply.getBody()).containsEntry("error", "unauthorized_client");
	}

	@Test
	void wrongClientSecretIsAnInvalidClientAndSpendsNoCode() {
		String code = this.wechat.issueLoginCode("openid-secret");

		ResponseEntity<Map> refused = token("mini-program", "wrong", form(WX_LOGIN, "code", code));
		ResponseEntity<Map> accepted = token("mini-program", "mini-secret", form(WX_LOGIN, "code", code));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(refused.getBody()).containsEntry("error", "invalid_client");
		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void resourceServerRefusesATamperedToken() {
		String accessToken = accessToken(token("mini-program", "mini-secret",
				form(WX_LOGIN, "code", this.wechat.issueLoginCode("openid-tampered"))));
		String[] parts = accessToken.split("\\.");
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("openid-tampered", "openid-someone");
		String tampered = parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];

		assertThat(this.resourceServer.decode(accessToken).getClaimAsString("openid")).isEqualTo("openid-tampered");
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.resourceServer.decode(tampered));
	}

	private String accountOf(String openid) {
		return this.accountStore.findByIdentity(this.wechat.appid(), openid).orElseThrow().id();
	}

	private static String accessToken(ResponseEntity<Map> reply) {
		assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.OK);
		return (String) reply.getBody().get("access_token");
	}

	private static MultiValueMap<String, String> form(String grantType, String... parameters) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", grantType);
		for (int i = 0; i < parameters.length; i += 2) {
			form.add(parameters[i], parameters[i + 1]);
		}
		return form;
	}

	@SuppressWarnings("rawtypes")
	private ResponseEntity<Map> token(String clientId, String secret, MultiValueMap<String, String> form) {
		return this.http.post()
			.uri("/oauth2/token")
			.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
				.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(Map.class);
	}

}
