package io.github.wxlogin;

import java.util.Optional;

/**
 * The host's users as the login endpoints need them. The starter's defaults keep them in memory or in
 * the {@code wx_account} and {@code wx_identity} tables; a host declares its own bean to use its own
 * user model.
 * <p>
 * A user is an account (the host's user id) seen through one WeChat identity: {@link WxUser} carries the
 * account's id, phone and profile together with the {@code appid} and {@code openid} of that identity.
 * This interface covers silent login, the phone binding and the profile. Phone-number login and linking
 * accounts across mini programs need the account model of {@link WxAccountStore}, which the starter's
 * defaults implement; a host that implements only this interface keeps silent login, {@code /wx/phone}
 * and the profile, and the features that need accounts are unavailable to it.
 */
public interface WxUserService {

	/**
	 * Find the user WeChat identified, creating it on first login in the identity's
	 * {@linkplain WxIdentity#tenant() tenant}. Concurrent first logins of one openid must end with one
	 * user.
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
	 * Find the user a token names, seen through the token's identity. The default finds the user by id;
	 * an {@link WxAccountStore}, whose accounts may have identities in several mini programs, finds the
	 * token's identity, so that a caller sees its own {@code openid}, never another mini program's, and a
	 * token of an identity unlinked since finds nobody.
	 * @param principal the caller or the subject of a refresh token
	 * @return the user, or empty when there is none
	 */
	default Optional<WxUser> findByPrincipal(WxPrincipal principal) {
		return findById(principal.userId());
	}

	/**
	 * Bind a phone number to a user, replacing the one bound before.
	 * @param userId the user's id
	 * @param phone the phone number WeChat vouched for
	 * @return the user as stored afterwards
	 * @throws WxAccountException ({@code PHONE_CONFLICT}) if another user of the user's tenant has this phone
	 * @throws java.util.NoSuchElementException if there is no such user
	 */
	WxUser bindPhone(String userId, WxPhone phone);

	/**
	 * Update the nickname and avatar of a user.
	 * @param userId the user's id
	 * @param profile the fields to change; an avatar URL of {@link WxProfile#NO_AVATAR} removes the avatar
	 * @return the user as stored afterwards
	 * @throws java.util.NoSuchElementException if there is no such user
	 */
	WxUser updateProfile(String userId, WxProfile profile);

	/**
	 * Whether the host disabled this user. The default says no user is ever disabled; a host that
	 * disables users in its own model overrides it.
	 * @param userId the user's id
	 * @return whether the user is disabled; {@code false} for an unknown id
	 */
	default boolean isDisabled(String userId) {
		return false;
	}

	/**
	 * The ban in force on this user: what the 403 {@code account_disabled} shows the client. The default
	 * gives a ban without end or reason to a user {@link #isDisabled disabled}.
	 * @param userId the user's id
	 * @return the ban, or empty when the user is not disabled (or unknown)
	 */
	default Optional<WxBan> findBan(String userId) {
		return isDisabled(userId) ? Optional.of(WxBan.indefinite()) : Optional.empty();
	}

	/**
	 * A user found or created at login.
	 *
	 * @param user the user
	 * @param created whether this login created it
	 */
	record WxUserLogin(WxUser user, boolean created) {
	}

}
