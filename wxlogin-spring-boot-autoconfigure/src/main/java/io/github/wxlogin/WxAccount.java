package io.github.wxlogin;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An account of the host: the user behind any number of WeChat identities and at most one phone.
 *
 * @param id the host's user id, the {@code sub} of access tokens
 * @param phone the phone bound to the account, when there is one
 * @param nickname the nickname the user chose, when set
 * @param avatarUrl the avatar the user chose, when set
 * @param disabled whether the host disabled the account
 * @param createdAt when the account was created
 * @param updatedAt when the account was last changed
 * @param identities the account's WeChat identities, the one linked first first
 */
public record WxAccount(String id, @Nullable WxPhone phone, @Nullable String nickname, @Nullable String avatarUrl,
		boolean disabled, Instant createdAt, Instant updatedAt, List<WxLinkedIdentity> identities) {

	public WxAccount {
		identities = List.copyOf(identities);
	}

}
