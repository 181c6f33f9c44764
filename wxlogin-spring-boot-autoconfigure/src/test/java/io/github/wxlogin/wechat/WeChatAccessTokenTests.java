package io.github.wxlogin.wechat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WxAccessTokenTests {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

	@Test
	void tokenIsReusedUntilRefreshAheadOfItsExpiry() {
		WeChatAccessToken token = new WeChatAccessToken("t", NOW.plusSeconds(7200));
		assertThat(token.reuseFor(NOW, REFRESH_AHEAD)).isEqualTo(Duration.ofSeconds(7200 - 300));
	}

	@Test
	void tokenAlreadyInsideTheWindowIsReusedForAFewSecondsRatherThanFetchedOnEveryCall() {
		WeChatAccessToken token = new WeChatAccessToken("t", NOW.plusSeconds(200));
		assertThat(token.reuseFor(NOW, REFRESH_AHEAD)).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void tokenAboutToExpireIsReusedOnlyUntilItExpires() {
		assertThat(new WeChatAccessToken("t", NOW.plusSeconds(2)).reuseFor(NOW, REFRESH_AHEAD)).hasSeconds(2);
		assertThat(new WeChatAccessToken("t", NOW.minusSeconds(2)).reuseFor(NOW, REFRESH_AHEAD)).isZero();
	}

	@Test
	void tokenNeverAppearsInToString() {
		assertThat(new WeChatAccessToken("secret-token", NOW).toString()).doesNotContain("secret-token");
	}

}
