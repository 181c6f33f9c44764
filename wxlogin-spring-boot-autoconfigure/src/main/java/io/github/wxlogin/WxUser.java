package io.github.wxlogin;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A user of the host application as the starter sees it.
 *
 * @param id the host's user id, the {@code sub} of access tokens
 * @param appid the mini program the user belongs to
 * @param openid the user's openid within that mini program
 * @param unionid the user's unionid, when known
 * @param phoneNumber the bound phone number with its country code as WeChat gives it, when bound
 * @param countryCode the phone number's country code, when bound
 * @param nickname the nickname the user chose, when set
 * @param avatarUrl the avatar the user chose, when set
 * @param createdAt when the user first logged in
 * @param updatedAt when the user was last changed
 */
public record WxUser(String id, String appid, String openid, @Nullable String unionid, @Nullable String phoneNumber,
		@Nullable String countryCode, @Nullable String nickname, @Nullable String avatarUrl, Instant createdAt,
		Instant updatedAt) {
}
