package io.github.wxlogin.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import io.github.wxlogin.WxProfile;
import org.jspecify.annotations.Nullable;

/**
 * What a nickname and an avatar URL may be, and WeChat's anonymous placeholders, which are never saved
 * over a real profile.
 */
final class ProfileRules {

	static final int MAX_NICKNAME_LENGTH = 64;

	/** What {@code wx.getUserProfile} gives new client versions instead of the user's own nickname. */
	private static final Set<String> PLACEHOLDER_NICKNAMES = Set.of("微信用户");

	/** The path of WeChat's grey default avatar. */
	private static final String PLACEHOLDER_AVATAR = "POgEwh4mIHO4nibH0KlMECNjjGxQUq24ZEaGT4poC6icRiccVGKSyXwibcPq4BWmiaIGuG1icwxaQX6grC9VemZoJ8rg";

	private ProfileRules() {
	}

	/** The profile of a form, which must change something; the avatar must be https. */
	static WxProfile ofForm(ProfileChange change) {
		if (change.nickname() == null && change.avatarUrl() == null) {
			throw WxLoginException.invalidRequest("Give 'nickname', 'avatarUrl' or both.");
		}
		return new WxProfile((change.nickname() != null) ? nickname(change.nickname()) : null,
				(change.avatarUrl() != null) ? avatarUrl(change.avatarUrl(), Set.of("https")) : null);
	}

	/** The profile WeChat gave, without its placeholders: empty when nothing real is left. */
	static @Nullable WxProfile ofWeChat(@Nullable String nickname, @Nullable String avatarUrl) {
		String realNickname = (nickname == null || PLACEHOLDER_NICKNAMES.contains(nickname.trim())) ? null
				: nickname(nickname);
		// WeChat's own avatar URLs may still be plain http
		String realAvatarUrl = (avatarUrl == null || avatarUrl.contains(PLACEHOLDER_AVATAR)) ? null
				: avatarUrl(avatarUrl, Set.of("http", "https"));
		return (realNickname == null && realAvatarUrl == null) ? null : new WxProfile(realNickname, realAvatarUrl);
	}

	private static String nickname(String value) {
		String nickname = value.trim();
		int length = nickname.codePointCount(0, nickname.length());
		if (length < 1 || length > MAX_NICKNAME_LENGTH) {
			throw WxLoginException.invalidRequest("'nickname' must be 1 to " + MAX_NICKNAME_LENGTH + " characters.");
		}
		if (nickname.codePoints().anyMatch(Character::isISOControl)) {
			throw WxLoginException.invalidRequest("'nickname' must not contain control characters.");
		}
		return nickname;
	}

	private static String avatarUrl(String value, Set<String> schemes) {
		if (value.length() > ProfileChange.MAX_AVATAR_URL_LENGTH) {
			throw WxLoginException
				.invalidRequest("'avatarUrl' is longer than " + ProfileChange.MAX_AVATAR_URL_LENGTH + " characters.");
		}
		try {
			URI uri = new URI(value);
			if (uri.getScheme() != null && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
					&& uri.getHost() != null) {
				return value;
			}
		}
		catch (URISyntaxException ex) {
			// answered below
		}
		throw WxLoginException.invalidRequest("'avatarUrl' must be an " + String.join(" or ", schemes) + " URL.");
	}

}
