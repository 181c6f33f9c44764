package io.github.wxlogin;

import java.util.Optional;

/**
 * The host's users as the login endpoints need them. The starter's defaults keep them in memory or in
 * a {@code wx_user} table; a host declares its own bean to use its own user model.
 */
public interface WxUserService {

	/**
	 * Find the user WeChat identified, creating it on first login. Concurrent first logins of one
	 * openid must end with one user.
	 * @param identity who WeChat says the user is
	 * @return the user, and whether it was created by this call
	 */
	WxUserLogin findOrCreate(WxIdentity identity);

	/**
	 * Find a user by id.
	 * @param userId the user's id
	 * @return the user, or empty when there is none
	 */
	Optional<WxUser> findById(String userId);

	/**
	 * Bind a phone number to a user, replacing the one bound before.
	 * @param userId the user's id
	 * @param phone the phone number WeChat vouched for
	 * @return the user as stored afterwards
	 * @throws PhoneConflictException if another user of the same mini program has this phone
	 * @throws java.util.NoSuchElementException if there is no such user
	 */
	WxUser bindPhone(String userId, WxPhone phone);

	/**
	 * Update the nickname and avatar of a user.
	 * @param userId the user's id
	 * @param profile the fields to change
	 * @return the user as stored afterwards
	 * @throws java.util.NoSuchElementException if there is no such user
	 */
	WxUser updateProfile(String userId, WxProfile profile);

	/**
	 * A user found or created at login.
	 *
	 * @param user the user
	 * @param created whether this login created it
	 */
	record WxUserLogin(WxUser user, boolean created) {
	}

}
