package io.github.wxlogin.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.wxlogin.WxLinkedIdentity;
import io.github.wxlogin.WxUser;
import org.jspecify.annotations.Nullable;

/**
 * The {@code User} of the contract: what a client may see of a user, with the phone number masked.
 *
 * @param id the user's id
 * @param openid the user's openid
 * @param unionid the user's unionid, when known
 * @param nickname the nickname, when set
 * @param avatarUrl the avatar URL, when set
 * @param phoneNumber the bound phone number, masked as {@code 138****8000}
 * @param createdAt when the user first logged in
 * @param identities the mini programs the account is linked to, in {@code GET /me} only (never another
 * mini program's openid)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserResponse(String id, String openid, @Nullable String unionid, @Nullable String nickname,
		@Nullable String avatarUrl, @Nullable String phoneNumber, Instant createdAt,
		@Nullable List<LinkedIdentity> identities) {

	static UserResponse of(WxUser user) {
		return new UserResponse(user.id(), user.openid(), user.unionid(), user.nickname(), user.avatarUrl(),
				mask(user.phoneNumber()), user.createdAt(), null);
	}

	static UserResponse of(WxUser user, List<WxLinkedIdentity> identities) {
		return new UserResponse(user.id(), user.openid(), user.unionid(), user.nickname(), user.avatarUrl(),
				mask(user.phoneNumber()), user.createdAt(),
				identities.stream().map((identity) -> new LinkedIdentity(identity.appid(), identity.linkedAt())).toList());
	}

	/**
	 * A mini program the account is linked to.
	 *
	 * @param appid the mini program's AppID
	 * @param linkedAt when the account was linked to it
	 */
	public record LinkedIdentity(String appid, Instant linkedAt) {
	}

	/** Keeps the first three and last four characters, as WeChat's own pages show numbers. */
	static @Nullable String mask(@Nullable String phoneNumber) {
		if (phoneNumber == null) {
			return null;
		}
		// Short numbers keep less, so that most of the number stays hidden
		boolean longEnough = phoneNumber.length() >= 8;
		int keepStart = longEnough ? 3 : Math.min(1, phoneNumber.length() / 3);
		int keepEnd = longEnough ? 4 : Math.min(1, phoneNumber.length() / 3);
		return phoneNumber.substring(0, keepStart)
				+ "*".repeat(phoneNumber.length() - keepStart - keepEnd)
				+ phoneNumber.substring(phoneNumber.length() - keepEnd);
	}

}
