package io.github.wxlogin.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * {@link RefreshTokenStore} in this instance's memory. Spent tokens stay until they expire so that their
 * reuse is recognised.
 */
public class CaffeineRefreshTokenStore implements RefreshTokenStore {

	private final Clock clock;

	private final Cache<String, StoredToken> tokens;

	private final Cache<String, Boolean> revokedFamilies;

	/**
	 * Create a store.
	 * @param clock the clock that tells when a token expired
	 * @param refreshTokenTtl lifetime of a refresh token, and so how long a revoked family is remembered
	 */
	public CaffeineRefreshTokenStore(Clock clock, Duration refreshTokenTtl) {
		this.clock = clock;
		this.tokens = Caffeine.newBuilder()
			.expireAfter(Expiry.creating((String hash, StoredToken token) -> TimeLeft.until(clock, token.grant().expiresAt())))
			.build();
		this.revokedFamilies = Caffeine.newBuilder().expireAfterWrite(refreshTokenTtl).build();
	}

	@Override
	public void save(RefreshTokenId id, RefreshTokenGrant grant) {
		this.tokens.put(id.hash(), new StoredToken(grant, false));
	}

	@Override
	public Optional<RefreshTokenGrant> rotate(RefreshTokenId id, RefreshTokenId nextId,
			UnaryOperator<RefreshTokenGrant> next) {
		AtomicReference<StoredToken> before = new AtomicReference<>();
		this.tokens.asMap().computeIfPresent(id.hash(), (hash, stored) -> {
			before.set(stored);
			return new StoredToken(stored.grant(), true);
		});
		StoredToken spent = before.get();
		if (spent == null) {
			return Optional.empty();
		}
		if (spent.spent()) {
			revokeFamily(spent.grant().familyId());
			return Optional.empty();
		}
		if (!isUsable(spent.grant())) {
			return Optional.empty();
		}
		save(nextId, next.apply(spent.grant()));
		return Optional.of(spent.grant());
	}

	@Override
	public Optional<RefreshTokenGrant> find(RefreshTokenId id) {
		StoredToken stored = this.tokens.getIfPresent(id.hash());
		return (stored != null && !stored.spent() && isUsable(stored.grant())) ? Optional.of(stored.grant())
				: Optional.empty();
	}

	@Override
	public void revokeFamily(String familyId) {
		this.revokedFamilies.put(familyId, Boolean.TRUE);
	}

	private boolean isUsable(RefreshTokenGrant grant) {
		return grant.expiresAt().isAfter(this.clock.instant())
				&& this.revokedFamilies.getIfPresent(grant.familyId()) == null;
	}

	private record StoredToken(RefreshTokenGrant grant, boolean spent) {
	}

}
