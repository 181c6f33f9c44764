package io.github.wxlogin.it;

import java.util.List;
import java.util.Map;

import io.github.wxlogin.it.WxLoginClient.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user sees the sessions of its devices, ends one or all of them, and logs out of its own; a refresh
 * token presented twice ends its session.
 */
class SessionEndpointsIntegrationTests extends HostIntegrationTest {

	private Reply login(String openid, String model) {
		Reply reply = this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode(openid), "device",
				Map.of("model", model, "platform", "ios", "system", "iOS 17.0")));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		return reply;
	}

	private Reply refresh(Reply login) {
		return this.client.post("/wx/token/refresh", Map.of("refreshToken", login.text("refreshToken")));
	}

	private List<JsonNode> sessions(Reply login) {
		Reply reply = this.client.get("/wx/sessions", login.text("accessToken"));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		return reply.json().valueStream().toList();
	}

	private void assertEnded(Reply device) {
		assertProblem(this.client.get("/api/hello", device.text("accessToken")), 401, "unauthorized");
		assertProblem(refresh(device), 401, "invalid_refresh_token");
	}

	private void assertLive(Reply device) {
		assertThat(this.client.get("/api/hello", device.text("accessToken")).status().value()).isEqualTo(200);
	}

	@Test
	void theSessionListShowsEachDeviceAndMarksTheCurrentOne() {
		Reply phone = login("openid-se-1", "iPhone 15");
		Reply tablet = login("openid-se-1", "iPad\u0000 Pro\n");
		List<JsonNode> listed = sessions(phone);
		assertThat(listed).hasSize(2);
		assertThat(listed).filteredOn((session) -> session.path("current").asBoolean())
			.singleElement()
			.satisfies((session) -> assertThat(session.path("device").path("model").asString()).isEqualTo("iPhone 15"));
		assertThat(listed).extracting((session) -> session.path("device").path("model").asString())
			.containsExactlyInAnyOrder("iPhone 15", "iPad Pro");
		assertThat(listed).allSatisfy((session) -> {
			assertThat(session.path("appid").asString()).isEqualTo(this.fake.appid());
			assertThat(session.path("ip").asString()).isEqualTo("127.0.0.1");
			assertThat(session.has("createdAt")).isTrue();
			assertThat(session.has("lastUsedAt")).isTrue();
		});
		assertThat(this.client.get("/wx/sessions", tablet.text("accessToken")).body())
			.doesNotContain(phone.text("refreshToken"))
			.doesNotContain(tablet.text("refreshToken"));
	}

	@Test
	void endingTheOtherDeviceRefusesItsTokensAndKeepsThisOne() {
		Reply phone = login("openid-se-2", "iPhone 15");
		Reply tablet = login("openid-se-2", "iPad");
		assertLive(tablet);
		String tabletSession = sessions(phone).stream()
			.filter((session) -> !session.path("current").asBoolean())
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		assertThat(this.client.delete("/wx/sessions/" + tabletSession, phone.text("accessToken")).status().value())
			.isEqualTo(204);
		assertEnded(tablet);
		assertLive(phone);
		assertThat(sessions(phone)).hasSize(1);
		assertProblem(this.client.delete("/wx/sessions/" + tabletSession, phone.text("accessToken")), 404, "not_found");
	}

	@Test
	void anotherAccountsSessionIsNotFound() {
		Reply mine = login("openid-se-3", "iPhone");
		Reply theirs = login("openid-se-4", "Android");
		String theirSession = sessions(theirs).get(0).path("id").asString();
		assertProblem(this.client.delete("/wx/sessions/" + theirSession, mine.text("accessToken")), 404, "not_found");
		assertProblem(this.client.delete("/wx/sessions/unknown", mine.text("accessToken")), 404, "not_found");
		assertLive(theirs);
		assertProblem(this.client.get("/wx/sessions", null), 401, "unauthorized");
	}

	@Test
	void logoutWithAllEndsEverySessionOfTheCaller() {
		Reply phone = login("openid-se-5", "iPhone");
		Reply tablet = login("openid-se-5", "iPad");
		Reply someoneElse = login("openid-se-6", "iPhone");
		Reply reply = this.client.post("/wx/logout", phone.text("accessToken"), Map.of("all", true));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(204);
		assertEnded(phone);
		assertEnded(tablet);
		assertLive(someoneElse);
	}

	@Test
	void logoutEndsTheSessionOfItsRefreshTokenOnly() {
		Reply phone = login("openid-se-7", "iPhone");
		Reply tablet = login("openid-se-7", "iPad");
		Reply refreshed = refresh(phone);
		assertThat(this.client
			.post("/wx/logout", tablet.text("accessToken"), Map.of("refreshToken", refreshed.text("refreshToken")))
			.status()
			.value()).isEqualTo(204);
		assertProblem(this.client.get("/api/hello", refreshed.text("accessToken")), 401, "unauthorized");
		assertProblem(refresh(refreshed), 401, "invalid_refresh_token");
		assertProblem(this.client.get("/api/hello", tablet.text("accessToken")), 401, "unauthorized");
		assertThat(refresh(tablet).status().value()).isEqualTo(200);
	}

	@Test
	void aRefreshTokenPresentedAgainAfterItsSuccessorWasSpentEndsItsSession() {
		Reply login = login("openid-se-8", "iPhone");
		Reply refreshed = refresh(login);
		assertThat(refreshed.status().value()).isEqualTo(200);
		// the successor spent: the client did get it, so the old token again is a reuse, not a lost reply
		Reply again = refresh(refreshed);
		assertThat(again.status().value()).isEqualTo(200);
		assertLive(again);
		assertProblem(refresh(login), 401, "invalid_refresh_token");
		assertEnded(again);
	}

	@Test
	void aDeviceThatIsNoObjectIsRefused() {
		assertProblem(this.client.post("/wx/login",
				Map.of("code", this.fake.issueLoginCode("openid-se-9"), "device", "iPhone")), 400, "invalid_request");
	}

}
