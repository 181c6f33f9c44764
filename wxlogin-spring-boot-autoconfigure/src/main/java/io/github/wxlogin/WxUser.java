package io.github.wxlogin;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A user of the host application as the starter sees it: an account seen through one of its WeChat
 * identities (see {@link WxAccountStore}).
 *
 * @param id the host's user id, the {@code sub} of access tokens
 * @param appid the mini program of the identity
 * @param openid the user's openid within that mini program
 * @param unionid the identity's unionid, when known
 * @param phoneNumber the account's phone number with its country code as WeChat gives it, when bound
 * @param countryCode the phone number's country code, when bound
 * @param nickname the nickname the user chose, when set
 * @param avatarUrl the avatar the user chose, when set
 * @param createdAt when the account was created
 * @param updatedAt when the account was last changed
 */
public record WxUser(String id, String appid, String openid, @Nullable String unionid, @Nullable String phoneNumber,
		@Nullable String countryCode, @Nullable String nickname, @Nullable String avatarUrl, Instant createdAt,
		Instant updatedAt) {
}
