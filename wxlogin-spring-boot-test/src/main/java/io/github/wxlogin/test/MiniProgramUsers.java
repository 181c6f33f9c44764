package io.github.wxlogin.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The users of one mini program, each with one current session key.
 */
final class MiniProgramUsers {

	private final Map<String, User> users = new ConcurrentHashMap<>();

	/**
	 * Log a user in as {@code wx.login()} does: the session key rotates.
	 * @param openid the user's openid
	 * @param unionid the user's unionid, or {@code null} to keep the one they had
	 * @return the user with their new session key
	 */
	User login(String openid, @Nullable String unionid) {
		return this.users.compute(openid, (id, previous) -> new User(id,
				(unionid != null || previous == null) ? unionid : previous.unionid(), WeChatCrypto.newSessionKey()));
	}

	@Nullable User find(@Nullable String openid) {
		return (openid != null) ? this.users.get(openid) : null;
	}

	/**
	 * A user of the mini program.
	 *
	 * @param openid the openid
	 * @param unionid the unionid, when the mini program is bound to an Open Platform account
	 * @param sessionKey the current session key
	 */
	record User(String openid, @Nullable String unionid, String sessionKey) {
	}

}
