package io.github.wxlogin.login;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxUser;

/**
 * The user a login proved, before any token is issued: what {@link WxSignInService#authenticate} and
 * {@link WxSignInService#authenticateWithPhone} return to a token issuer of the host's own.
 *
 * @param user the user
 * @param tenant the tenant of the mini program the user logged in to
 * @param newUser whether this login created the user
 * @param restored whether this login restored an account whose deletion was pending
 */
public record SignedInUser(WxUser user, String tenant, boolean newUser, boolean restored) {

	/**
	 * Create the user of a login that restored no account.
	 * @param user the user
	 * @param tenant the tenant of the mini program the user logged in to
	 * @param newUser whether this login created the user
	 */
	public SignedInUser(WxUser user, String tenant, boolean newUser) {
		this(user, tenant, newUser, false);
	}

	/**
	 * Return the principal tokens issued to this user stand for: the user's id, openid, mini program and
	 * tenant.
	 * @return the principal
	 */
	public WxPrincipal principal() {
		return new WxPrincipal(this.user.id(), this.user.openid(), this.user.appid(), this.tenant);
	}

}
