package io.github.wxlogin;

import org.jspecify.annotations.Nullable;

/**
 * A change of the user's profile; a {@code null} member leaves that field as it is.
 *
 * @param nickname the new nickname, already validated
 * @param avatarUrl the new avatar URL, already validated
 */
public record WxProfile(@Nullable String nickname, @Nullable String avatarUrl) {
}
