package io.github.wxlogin.event;

/**
 * An account was purged: its user asked for its deletion and the grace period passed (or the host deleted
 * it at once). Its identities and phone are free, its profile and avatar erased, its sessions ended. Published
 * as a Spring application event so that the host purges its own rows of this account.
 * <p>
 * Published at least once: a purge interrupted after it (a listener that throws, an instance that stops) is
 * finished by the next run of the purge, which publishes it again, so a listener must be idempotent. It
 * carries the account's id only.
 *
 * @param accountId the account (user id) that no longer exists
 */
public record WxAccountDeletedEvent(String accountId) {
}
