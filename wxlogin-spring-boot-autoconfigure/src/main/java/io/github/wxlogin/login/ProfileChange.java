package io.github.wxlogin.login;

import org.jspecify.annotations.Nullable;

/**
 * A profile change from the client's own form: a nickname, an avatar URL or both.
 *
 * @param nickname the new nickname, or {@code null} to keep the current one
 * @param avatarUrl the new avatar URL, or {@code null} to keep the current one
 */
public record ProfileChange(@Nullable String nickname, @Nullable String avatarUrl) {

	/** Longest avatar URL kept. */
	public static final int MAX_AVATAR_URL_LENGTH = 1024;

}
