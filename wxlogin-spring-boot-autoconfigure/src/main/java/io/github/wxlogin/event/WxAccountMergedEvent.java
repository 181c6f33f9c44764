package io.github.wxlogin.event;

/**
 * One account was merged into another: a caller signed in to {@code fromAccountId} proved the phone of
 * {@code intoAccountId}, the WeChat identities of the first moved to the second, and the first no longer
 * exists. Published as a Spring application event once the merge is stored, so that the host moves its own
 * rows from one account to the other. It carries the two ids only.
 *
 * @param fromAccountId the account that no longer exists
 * @param intoAccountId the account that now has its identities
 */
public record WxAccountMergedEvent(String fromAccountId, String intoAccountId) {
}
