package io.github.wxlogin.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The access tokens of {@code cgi-bin/stable_token}: normal mode hands out the same token
 * while it is valid and a new one only near its expiry; a forced refresh rejects every
 * earlier token at once.
 */
final class StableAccessTokens {

	/**
	 * Default lifetime of a token, as on WeChat.
	 */
	static final Duration DEFAULT_LIFETIME = Duration.ofHours(2);

	private static final Duration RENEWAL_WINDOW = Duration.ofMinutes(5);

	private final Map<String, IssuedToken> issued = new ConcurrentHashMap<>();

	private final Clock clock;

	private volatile Duration lifetime = DEFAULT_LIFETIME;

	// guarded by this
	private @Nullable IssuedToken current;

	// guarded by this: whether normal mode keeps handing out the current token once rejected
	private boolean staleCurrent;

	StableAccessTokens(Clock clock) {
		this.clock = clock;
	}

	void lifetime(Duration lifetime) {
		if (lifetime.isNegative() || lifetime.isZero()) {
			throw new IllegalArgumentException("Token lifetime must be positive: " + lifetime);
		}
		this.lifetime = lifetime;
	}

	/**
	 * Answer a {@code stable_token} call.
	 * @param forceRefresh whether the caller asked for {@code force_refresh}
	 * @return the token and its remaining lifetime
	 */
	synchronized StableToken obtain(boolean forceRefresh) {
		Instant now = this.clock.instant();
		if (forceRefresh) {
			this.issued.replaceAll((value, token) -> token.asRejected());
			return newCurrent(now);
		}
		IssuedToken token = this.current;
		if (token == null || !now.isBefore(token.expiresAt()) || (isRejected(token) && !this.staleCurrent)) {
			return newCurrent(now);
		}
		if (!isRejected(token) && !now.isBefore(token.expiresAt().minus(renewalWindow(token)))) {
			// the token in its last minutes stays valid until it expires
			return newCurrent(now);
		}
		return new StableToken(token.value(), Duration.between(now, token.expiresAt()).toSeconds());
	}

	/**
	 * Reject the current token, as if another party had force-refreshed it.
	 */
	synchronized void invalidateCurrent() {
		IssuedToken token = this.current;
		if (token != null) {
			this.issued.put(token.value(), token.asRejected());
		}
		this.staleCurrent = false;
	}

	/**
	 * Reject the current token while normal mode keeps handing it out.
	 */
	synchronized void staleCurrent() {
		if (this.current == null) {
			newCurrent(this.clock.instant());
		}
		invalidateCurrent();
		this.staleCurrent = true;
	}

	boolean issued(String value) {
		return this.issued.containsKey(value);
	}

	Verdict verify(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Verdict.MISSING;
		}
		IssuedToken token = this.issued.get(value);
		if (token == null || token.rejected) {
			return Verdict.INVALID;
		}
		return this.clock.instant().isBefore(token.expiresAt()) ? Verdict.VALID : Verdict.EXPIRED;
	}

	/**
	 * Check the token of a call that needs one.
	 * @param value the {@code access_token} parameter
	 * @throws WeChatApiError 41001 when missing, 40001 when unknown or rejected, 42001 when
	 * expired
	 */
	void require(@Nullable String value) {
		switch (verify(value)) {
			case MISSING -> throw new WeChatApiError(41001);
			case INVALID -> throw new WeChatApiError(40001);
			case EXPIRED -> throw new WeChatApiError(42001);
			case VALID -> {
			}
		}
	}

	private boolean isRejected(IssuedToken token) {
		return this.issued.get(token.value()).rejected;
	}

	private StableToken newCurrent(Instant now) {
		Duration tokenLifetime = this.lifetime;
		// real tokens are about 136 characters
		IssuedToken token = new IssuedToken(WeChatCrypto.randomUrlSafe(102), now, now.plus(tokenLifetime),
				false);
		this.issued.put(token.value(), token);
		this.current = token;
		this.staleCurrent = false;
		return new StableToken(token.value(), tokenLifetime.toSeconds());
	}

	// the last 5 minutes of a 2-hour token; proportionally less of a shorter one
	private Duration renewalWindow(IssuedToken token) {
		Duration proportional = Duration.between(token.issuedAt(), token.expiresAt()).dividedBy(24);
		return (proportional.compareTo(RENEWAL_WINDOW) < 0) ? proportional : RENEWAL_WINDOW;
	}

	private record IssuedToken(String value, Instant issuedAt, Instant expiresAt, boolean rejected) {

		IssuedToken asRejected() {
			return new IssuedToken(this.value, this.issuedAt, this.expiresAt, true);
		}

	}

	/**
	 * A token handed out by {@code stable_token}.
	 *
	 * @param accessToken the token
	 * @param expiresIn its remaining lifetime in seconds
	 */
	record StableToken(String accessToken, long expiresIn) {
	}

	/**
	 * What a token presented to an API is worth.
	 */
	enum Verdict {

		VALID, MISSING, INVALID, EXPIRED

	}

}
