package io.github.wxlogin.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StableAccessTokens}, on a clock the test moves.
 */
class StableAccessTokensTests {

	private final SteppingClock clock = new SteppingClock();

	private final StableAccessTokens tokens = new StableAccessTokens(this.clock);

	@Test
	void normalModeReportsTheRemainingLifetime() {
		String token = this.tokens.obtain(false).accessToken();
		this.clock.advance(Duration.ofMinutes(60));
		StableAccessTokens.StableToken again = this.tokens.obtain(false);
		assertThat(again.accessToken()).isEqualTo(token);
		assertThat(again.expiresIn()).isEqualTo(3600);
	}

	@Test
	void tokenInItsLastFiveMinutesIsRenewedWhileTheOldOneKeepsWorkingUntilItExpires() {
		String old = this.tokens.obtain(false).accessToken();
		this.clock.advance(Duration.ofMinutes(116));
		StableAccessTokens.StableToken renewed = this.tokens.obtain(false);
		assertThat(renewed.accessToken()).isNotEqualTo(old);
		assertThat(renewed.expiresIn()).isEqualTo(7200);
		assertThat(this.tokens.verify(old)).isEqualTo(StableAccessTokens.Verdict.VALID);
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(this.tokens.verify(old)).isEqualTo(StableAccessTokens.Verdict.EXPIRED);
		assertThat(this.tokens.verify(renewed.accessToken())).isEqualTo(StableAccessTokens.Verdict.VALID);
	}

	@Test
	void forceRefreshRejectsEveryEarlierToken() {
		String old = this.tokens.obtain(false).accessToken();
		this.clock.advance(Duration.ofMinutes(116));
		String renewed = this.tokens.obtain(false).accessToken();
		String forced = this.tokens.obtain(true).accessToken();
		assertThat(this.tokens.verify(old)).isEqualTo(StableAccessTokens.Verdict.INVALID);
		assertThat(this.tokens.verify(renewed)).isEqualTo(StableAccessTokens.Verdict.INVALID);
		assertThat(this.tokens.verify(forced)).isEqualTo(StableAccessTokens.Verdict.VALID);
	}

	@Test
	void staleTokenIsHandedOutUntilItExpires() {
		String stale = this.tokens.obtain(false).accessToken();
		this.tokens.staleCurrent();
		this.clock.advance(Duration.ofMinutes(119));
		assertThat(this.tokens.obtain(false).accessToken()).isEqualTo(stale);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.tokens.obtain(false).accessToken()).isNotEqualTo(stale);
	}

	@Test
	void staleWithoutATokenIssuesOneThatIsAlreadyRejected() {
		this.tokens.staleCurrent();
		String token = this.tokens.obtain(false).accessToken();
		assertThat(this.tokens.verify(token)).isEqualTo(StableAccessTokens.Verdict.INVALID);
		assertThat(this.tokens.obtain(false).accessToken()).isEqualTo(token);
	}

	private static final class SteppingClock extends Clock {

		private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
