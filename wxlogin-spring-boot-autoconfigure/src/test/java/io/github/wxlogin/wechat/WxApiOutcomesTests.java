package io.github.wxlogin.wechat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WxApiOutcomes}' per-app dates of the access tokens fetched.
 */
class WxApiOutcomesTests {

	private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

	private final WxApiOutcomes outcomes = new WxApiOutcomes();

	@Test
	void anAppThatNeverFetchedHasNoDate() {
		assertThat(this.outcomes.lastTokenFetch("wx0000000000000001")).isEmpty();
	}

	@Test
	void eachAppKeepsTheDateOfItsOwnLastFetch() {
		fetched("wx0000000000000001", NOW);
		fetched("wx0000000000000002", NOW.plusSeconds(5));
		fetched("wx0000000000000001", NOW.plusSeconds(10));
		assertThat(this.outcomes.lastTokenFetch("wx0000000000000001")).contains(NOW.plusSeconds(10));
		assertThat(this.outcomes.lastTokenFetch("wx0000000000000002")).contains(NOW.plusSeconds(5));
		assertThat(this.outcomes.lastToken()).hasValueSatisfying(
				(token) -> assertThat(token.fetchedAt()).isEqualTo(NOW.plusSeconds(10)));
	}

	@Test
	void theAppsThatFetchedLeastRecentlyAreForgottenPastTheBound() {
		fetched("wx-first", NOW);
		fetched("wx-refreshed", NOW);
		for (int i = 0; i < WxApiOutcomes.MAX_APPS_REMEMBERED - 2; i++) {
			fetched("wx-app-" + i, NOW);
		}
		// Fetching again moves an app away from eviction; reading it does not
		fetched("wx-refreshed", NOW.plusSeconds(1));
		this.outcomes.lastTokenFetch("wx-first");
		fetched("wx-one-more", NOW.plusSeconds(2));
		assertThat(this.outcomes.lastTokenFetch("wx-first")).isEmpty();
		assertThat(this.outcomes.lastTokenFetch("wx-refreshed")).contains(NOW.plusSeconds(1));
		assertThat(this.outcomes.lastTokenFetch("wx-one-more")).contains(NOW.plusSeconds(2));
		assertThat(this.outcomes.lastTokenFetch("wx-app-0")).contains(NOW);
	}

	private void fetched(String appid, Instant at) {
		this.outcomes.tokenFetched(appid, new WeChatAccessToken("token-" + appid, at.plusSeconds(7200)), at);
	}

}
