package io.github.wxlogin.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;

import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxProfile;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxContentVerdict;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a profile change: what a nickname and an avatar URL may be, WeChat's content check when
 * it is on, and WeChat's anonymous placeholders never saved over a real profile.
 */
public class WxProfileEditor {

	static final int MAX_NICKNAME_LENGTH = 64;

	static final int MAX_AVATAR_URL_LENGTH = 1024;

	/** What {@code wx.getUserProfile} gives new client versions instead of the user's own nickname. */
	private static final Set<String> PLACEHOLDER_NICKNAMES = Set.of("微信用户");

	/** The path of WeChat's grey default avatar. */
	private static final String PLACEHOLDER_AVATAR = "POgEwh4mIHO4nibH0KlMECNjjGxQUq24ZEaGT4poC6icRiccVGKSyXwibcPq4BWmiaIGuG1icwxaQX6grC9VemZoJ8rg";

	private final WxApiClient wechat;

	private final WxUserService users;

	private final boolean contentCheck;

	/**
	 * Create an editor.
	 * @param wechat the WeChat client
	 * @param users the host's users
	 * @param contentCheck whether nicknames go through WeChat's msgSecCheck
	 */
	public WxProfileEditor(WxApiClient wechat, WxUserService users, boolean contentCheck) {
		this.wechat = wechat;
		this.users = users;
		this.contentCheck = contentCheck;
	}

	static WxProfile read(Map<String, Object> body) {
		String nickname = RequestFields.optional(body, "nickname", RequestFields.MAX_LENGTH);
		String avatarUrl = RequestFields.optional(body, "avatarUrl", MAX_AVATAR_URL_LENGTH);
		if (nickname == null && avatarUrl == null) {
			throw WxLoginException.invalidRequest("Give 'nickname', 'avatarUrl' or both.");
		}
		return new WxProfile((nickname != null) ? nickname(nickname) : null,
				(avatarUrl != null) ? avatarUrl(avatarUrl, Set.of("https")) : null);
	}

	WxUser update(WxApp app, WxPrincipal caller, WxProfile profile) {
		if (this.contentCheck && profile.nickname() != null) {
			WxContentVerdict verdict = this.wechat.msgSecCheck(app, caller.openid(), profile.nickname());
			if (verdict != WxContentVerdict.PASS) {
				throw new WxLoginException(WxErrorCode.CONTENT_REJECTED, "The nickname was rejected by WeChat's content check.");
			}
		}
		return this.users.updateProfile(caller.userId(), profile);
	}

	WxUser updateFromWeChat(WxUser user, WxLegacyProfile verified) {
		if (verified.unionid() != null && user.unionid() == null) {
			user = this.users.findOrCreate(new WxIdentity(user.appid(), user.openid(), verified.unionid())).user();
		}
		String nickname = realNickname(verified.nickname());
		String avatarUrl = realAvatarUrl(verified.avatarUrl());
		if (nickname == null && avatarUrl == null) {
			return user;
		}
		return this.users.updateProfile(user.id(), new WxProfile(nickname, avatarUrl));
	}

	private static @Nullable String realNickname(@Nullable String nickname) {
		return (nickname == null || PLACEHOLDER_NICKNAMES.contains(nickname.trim())) ? null : nickname(nickname);
	}

	private static @Nullable String realAvatarUrl(@Nullable String avatarUrl) {
		// WeChat's own avatar URLs may still be plain http
		return (avatarUrl == null || avatarUrl.contains(PLACEHOLDER_AVATAR)) ? null
				: avatarUrl(avatarUrl, Set.of("http", "https"));
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
		if (value.length() > MAX_AVATAR_URL_LENGTH) {
			throw WxLoginException.invalidRequest("'avatarUrl' is longer than " + MAX_AVATAR_URL_LENGTH + " characters.");
		}
		try {
			URI uri = new URI(value);
			if (uri.getScheme() != null && schemes.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))
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
