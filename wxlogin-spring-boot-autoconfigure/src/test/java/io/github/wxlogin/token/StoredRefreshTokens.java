package io.github.wxlogin.token;

import java.util.Optional;

/**
 * Looks a refresh token up in a store the way the token service does, for tests that check what is
 * stored without spending the token.
 */
public final class StoredRefreshTokens {

	private StoredRefreshTokens() {
	}

	public static Optional<RefreshTokenGrant> find(RefreshTokenStore store, String refreshToken) {
		return store.find(WxTokenService.hash(refreshToken));
	}

}
