package io.github.wxlogin.it;

import java.util.Map;

import io.github.wxlogin.it.WxLoginClient.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field the typed request bodies refuse is answered {@code invalid_request} with a detail that names
 * the field and what is wrong with it.
 */
class RequestFieldsIntegrationTests extends HostIntegrationTest {

	@Test
	void aMissingBlankMistypedOrOverlongFieldIsNamedInTheDetail() {
		assertRefused(this.client.post("/wx/login", "{}"), "'code' is required.");
		assertRefused(this.client.post("/wx/login", "{\"code\":null}"), "'code' is required.");
		assertRefused(this.client.post("/wx/login", "{\"code\":\"  \"}"), "'code' must not be blank.");
		assertRefused(this.client.post("/wx/login", "{\"code\":42}"), "'code' must be a string.");
		assertRefused(this.client.post("/wx/login", "{\"code\":{\"a\":1}}"), "'code' must be a string.");
		assertRefused(this.client.post("/wx/login", Map.of("code", "x".repeat(513))),
				"'code' is longer than 512 characters.");
		assertRefused(this.client.post("/wx/login", "{\"code\":\"a\\u0001b\"}"),
				"'code' must not contain control characters.");
		assertRefused(this.client.post("/wx/login", Map.of("code", "c", "appid", "x".repeat(65))),
				"'appid' is longer than 64 characters.");
		assertRefused(this.client.post("/wx/token/refresh", "{\"refreshToken\":true}"),
				"'refreshToken' must be a string.");
	}

	@Test
	void theRulesOfTheLoginServicesAreAnsweredTheSameWay() {
		String token = accessToken("openid-fields-1");
		Reply unknownApp = this.client.post("/wx/login", Map.of("code", "c", "appid", "wx-not-served"));
		assertProblem(unknownApp, 400, "unknown_app");
		assertThat(unknownApp.text("detail")).isEqualTo("The AppID names no mini program served here.");
		assertRefused(this.client.put("/wx/profile", token, Map.of()), "Give 'nickname', 'avatarUrl' or both.");
		assertRefused(this.client.put("/wx/profile", token, Map.of("avatarUrl", "http://example.com/a.png")),
				"'avatarUrl' must be an https URL.");
	}

	@Test
	void aBodyThatIsNoJsonObjectIsUnreadable() {
		assertRefused(this.client.post("/wx/login", "[\"code\"]"), "The request body is not a readable JSON object.");
		assertRefused(this.client.post("/wx/login", "{\"code\":"), "The request body is not a readable JSON object.");
	}

	private static void assertRefused(Reply reply, String detail) {
		assertProblem(reply, 400, "invalid_request");
		assertThat(reply.text("detail")).isEqualTo(detail);
	}

}
