package io.github.wxlogin.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wxlogin.login.ProfileChange;
import org.jspecify.annotations.Nullable;

/**
 * The body of a profile change: {@code {"nickname"?, "avatarUrl"?}}.
 *
 * @param nickname the new nickname
 * @param avatarUrl the new avatar URL
 */
public record ProfileRequest(@Nullable String nickname, @Nullable String avatarUrl) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static ProfileRequest read(Map<String, Object> body) {
		return new ProfileRequest(RequestFields.optional(body, "nickname"),
				RequestFields.optional(body, "avatarUrl", ProfileChange.MAX_AVATAR_URL_LENGTH));
	}

	ProfileChange toProfileChange() {
		return new ProfileChange(this.nickname, this.avatarUrl);
	}

}
