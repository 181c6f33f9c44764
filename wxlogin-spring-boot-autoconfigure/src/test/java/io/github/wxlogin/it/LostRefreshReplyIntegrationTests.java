package io.github.wxlogin.it;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.wxlogin.clock.SettableClock;
import io.github.wxlogin.it.WxLoginClient.Reply;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phone on a weak network: the server rotates the refresh token, the reply never arrives, and the app
 * retries with the token it still holds. Within the reuse interval (the default, 10 s) it continues the
 * same chain; after it, the retry is a reuse. The starter's clock is one the test moves on.
 */
@Import(LostRefreshReplyIntegrationTests.MovableClock.class)
class LostRefreshReplyIntegrationTests extends HostIntegrationTest {

	@Autowired
	SettableClock clock;

	private Reply refresh(String refreshToken) {
		return this.client.post("/wx/token/refresh", Map.of("refreshToken", refreshToken));
	}

	@Test
	void aClientThatLostTheRefreshReplyGetsTheSameSuccessorWhenItRetries() {
		Reply login = login("openid-lost-reply-1");
		String held = login.text("refreshToken");
		Reply discarded = refresh(held);
		assertThat(discarded.status().value()).as(discarded.body()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(3));
		Reply retried = refresh(held);
		assertThat(retried.status().value()).as(retried.body()).isEqualTo(200);
		assertThat(retried.text("refreshToken")).isEqualTo(discarded.text("refreshToken"));
		assertThat(retried.text("accessToken")).isNotEqualTo(discarded.text("accessToken"));
		assertThat(this.client.get("/api/hello", retried.text("accessToken")).status().value()).isEqualTo(200);
		Reply next = refresh(retried.text("refreshToken"));
		assertThat(next.status().value()).as(next.body()).isEqualTo(200);
		assertThat(next.text("refreshToken")).isNotEqualTo(retried.text("refreshToken"));
		// the client did get a reply since: the old token presented again is a reuse
		assertProblem(refresh(held), 401, "invalid_refresh_token");
		assertProblem(refresh(next.text("refreshToken")), 401, "invalid_refresh_token");
	}

	@Test
	void aRetryAfterTheReuseIntervalIsAReuseThatEndsTheSession() {
		Reply login = login("openid-lost-reply-2");
		String held = login.text("refreshToken");
		Reply discarded = refresh(held);
		assertThat(discarded.status().value()).as(discarded.body()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(10));
		assertProblem(refresh(held), 401, "invalid_refresh_token");
		assertProblem(refresh(discarded.text("refreshToken")), 401, "invalid_refresh_token");
		assertProblem(this.client.get("/api/hello", discarded.text("accessToken")), 401, "unauthorized");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClock {

		@Bean
		SettableClock clock() {
			// Today, so that the access tokens it dates are valid for the decoder too
			return new SettableClock(Instant.now());
		}

	}

}
