package io.github.wxlogin.web;

import java.time.Instant;

/**
 * The reply of {@code DELETE {base}/me} when the account is purged after a grace period.
 *
 * @param deletionScheduledAt when the account will be purged unless its user logs in again before
 */
public record DeletionResponse(Instant deletionScheduledAt) {
}
