package io.github.wxlogin.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The successor of a refresh token as a {@link RefreshTokenStore} keeps it: its id, its expiry and, so
 * that a reply lost on the way can be answered again, the successor sealed under a key only the spent
 * token's holder can derive. A store never holds the successor itself.
 *
 * @param id the successor's id, of the spent token's family
 * @param expiresAt when the successor stops working
 * @param sealed the successor token sealed with the spent token (opaque to the store), or {@code null}
 * when it is not to be handed out again
 */
public record RefreshTokenSuccessor(RefreshTokenId id, Instant expiresAt, @Nullable String sealed) {

}
