package io.github.wxlogin;

import org.jspecify.annotations.Nullable;

/**
 * A change of the user's profile; a {@code null} member leaves that field as it is, and an empty avatar URL
 * ({@link #NO_AVATAR}) removes the avatar.
 *
 * @param nickname the new nickname, already validated
 * @param avatarUrl the new avatar URL, already validated
 */
public record WxProfile(@Nullable String nickname, @Nullable String avatarUrl) {

	/** The avatar URL of a change that removes the avatar: the user has none afterwards. */
	public static final String NO_AVATAR = "";

	/**
	 * Return the change that removes the avatar and leaves the nickname.
	 * @return the change
	 */
	public static WxProfile removingAvatar() {
		return new WxProfile(null, NO_AVATAR);
	}

	/**
	 * Return the avatar URL the user has after this change.
	 * @param current the avatar URL before the change
	 * @return the new URL, the current one when this change leaves it, or {@code null} when it removes it
	 */
	public @Nullable String avatarUrlAfter(@Nullable String current) {
		if (this.avatarUrl == null) {
			return current;
		}
		return this.avatarUrl.isEmpty() ? null : this.avatarUrl;
	}

}
