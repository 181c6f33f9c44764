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
 * @param disabled whether the host disabled the account, as it stands when the account was read (a ban whose
 * end has passed no longer counts)
 * @param createdAt when the account was created
 * @param updatedAt when the account was last changed
 * @param identities the account's WeChat identities, the one linked first first
 * @param tenant the tenant the account belongs to: its phone and its identities' unionids are unique
 * inside it only
 * @param ban the terms of the ban in force when the account was read, {@code null} when it is not disabled
 */
public record WxAccount(String id, @Nullable WxPhone phone, @Nullable String nickname, @Nullable String avatarUrl,
		boolean disabled, Instant createdAt, Instant updatedAt, List<WxLinkedIdentity> identities, String tenant,
		@Nullable WxBan ban) {

	public WxAccount {
		identities = List.copyOf(identities);
		if (disabled && ban == null) {
			ban = WxBan.indefinite();
		}
		if (!disabled) {
			ban = null;
		}
	}

	/**
	 * An account whose ban, when disabled, has neither end nor reason.
	 * @param id the host's user id, the {@code sub} of access tokens
	 * @param phone the phone bound to the account, when there is one
	 * @param nickname the nickname the user chose, when set
	 * @param avatarUrl the avatar the user chose, when set
	 * @param disabled whether the host disabled the account
	 * @param createdAt when the account was created
	 * @param updatedAt when the account was last changed
	 * @param identities the account's WeChat identities, the one linked first first
	 * @param tenant the tenant the account belongs to
	 */
	public WxAccount(String id, @Nullable WxPhone phone, @Nullable String nickname, @Nullable String avatarUrl,
			boolean disabled, Instant createdAt, Instant updatedAt, List<WxLinkedIdentity> identities, String tenant) {
		this(id, phone, nickname, avatarUrl, disabled, createdAt, updatedAt, identities, tenant, null);
	}

	/**
	 * An account of the {@link WxTenant#DEFAULT default} tenant.
	 * @param id the host's user id, the {@code sub} of access tokens
	 * @param phone the phone bound to the account, when there is one
	 * @param nickname the nickname the user chose, when set
	 * @param avatarUrl the avatar the user chose, when set
	 * @param disabled whether the host disabled the account
	 * @param createdAt when the account was created
	 * @param updatedAt when the account was last changed
	 * @param identities the account's WeChat identities, the one linked first first
	 */
	public WxAccount(String id, @Nullable WxPhone phone, @Nullable String nickname, @Nullable String avatarUrl,
			boolean disabled, Instant createdAt, Instant updatedAt, List<WxLinkedIdentity> identities) {
		this(id, phone, nickname, avatarUrl, disabled, createdAt, updatedAt, identities, WxTenant.DEFAULT, null);
	}

}
