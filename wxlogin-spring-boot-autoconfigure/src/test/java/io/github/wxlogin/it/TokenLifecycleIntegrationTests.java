package io.github.wxlogin.it;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.wxlogin.it.WxLoginClient.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenLifecycleIntegrationTests extends HostIntegrationTest {

	private Reply refresh(String refreshToken) {
		return this.client.post("/wx/token/refresh", Map.of("refreshToken", refreshToken));
	}

	@Test
	void refreshRotatesBothTokens() {
		Reply login = login("openid-refresh-1");
		Reply refreshed = refresh(login.text("refreshToken"));
		assertThat(refreshed.status().value()).as(refreshed.body()).isEqualTo(200);
		assertThat(refreshed.text("refreshToken")).isNotEqualTo(login.text("refreshToken"));
		assertThat(refreshed.text("accessToken")).isNotEqualTo(login.text("accessToken"));
		assertThat(refreshed.json().path("newUser").asBoolean()).isFalse();
		assertThat(refreshed.json().path("user").path("openid").asString()).isEqualTo("openid-refresh-1");
		assertThat(this.client.get("/api/hello", refreshed.text("accessToken")).status().value()).isEqualTo(200);
	}

	@Test
	void spentRefreshTokenIsRefusedAndRevokesItsFamily() {
		Reply login = login("openid-refresh-2");
		String stolen = login.text("refreshToken");
		Reply user = refresh(stolen);
		assertThat(user.status().value()).isEqualTo(200);
		// the user got the reply and refreshed again: the stolen token is no lost reply's retry
		Reply later = refresh(user.text("refreshToken"));
		assertThat(later.status().value()).isEqualTo(200);
		assertProblem(refresh(stolen), 401, "invalid_refresh_token");
		assertProblem(refresh(later.text("refreshToken")), 401, "invalid_refresh_token");
	}

	@Test
	void unknownRefreshTokenIsRefused() {
		assertProblem(refresh("not-a-token"), 401, "invalid_refresh_token");
		assertProblem(this.client.post("/wx/token/refresh", Map.of()), 400, "invalid_request");
	}

	@Test
	void logoutRefusesTheAccessAndTheRefreshToken() {
		Reply login = login("openid-logout-1");
		String accessToken = login.text("accessToken");
		Reply logout = this.client.post("/wx/logout", accessToken, Map.of("refreshToken", login.text("refreshToken")));
		assertThat(logout.status().value()).as(logout.body()).isEqualTo(204);
		assertProblem(this.client.get("/api/hello", accessToken), 401, "unauthorized");
		assertProblem(this.client.get("/wx/me", accessToken), 401, "unauthorized");
		assertProblem(refresh(login.text("refreshToken")), 401, "invalid_refresh_token");
	}

	@Test
	void logoutWithoutBodyRevokesTheAccessTokenOnly() {
		Reply login = login("openid-logout-2");
		Reply logout = this.client.raw("POST", "/wx/logout", login.text("accessToken"), "application/json", new byte[0]);
		assertThat(logout.status().value()).as(logout.body()).isEqualTo(204);
		assertProblem(this.client.get("/api/hello", login.text("accessToken")), 401, "unauthorized");
		assertThat(refresh(login.text("refreshToken")).status().value()).isEqualTo(200);
	}

	@Test
	void logoutCannotRevokeAnotherUsersRefreshToken() {
		Reply victim = login("openid-logout-victim");
		Reply attacker = login("openid-logout-attacker");
		this.client.post("/wx/logout", attacker.text("accessToken"), Map.of("refreshToken", victim.text("refreshToken")));
		assertThat(refresh(victim.text("refreshToken")).status().value()).isEqualTo(200);
	}

	@Test
	void logoutNeedsABearerToken() {
		assertProblem(this.client.post("/wx/logout", Map.of()), 401, "unauthorized");
	}

	@Test
	void fiftyParallelRefreshesOfOneTokenContinueOneChain() throws Exception {
		String refreshToken = login("openid-refresh-race").text("refreshToken");
		ExecutorService pool = Executors.newFixedThreadPool(50);
		List<Future<Reply>> replies = new ArrayList<>();
		try {
			CountDownLatch start = new CountDownLatch(1);
			for (int i = 0; i < 50; i++) {
				replies.add(pool.submit(() -> {
					start.await();
					return refresh(refreshToken);
				}));
			}
			start.countDown();
			int succeeded = 0;
			Set<String> issued = new HashSet<>();
			for (Future<Reply> reply : replies) {
				Reply done = reply.get();
				if (done.status().value() == 200) {
					succeeded++;
					issued.add(done.text("refreshToken"));
				}
				else {
					assertProblem(done, 401, "invalid_refresh_token");
				}
			}
			// one rotation; the others come within the reuse interval and get its successor: no second branch
			assertThat(succeeded).isEqualTo(50);
			assertThat(issued).hasSize(1);
			assertThat(refresh(issued.iterator().next()).status().value()).isEqualTo(200);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
