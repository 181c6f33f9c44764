package io.github.wxlogin.login;

import io.github.wxlogin.WxUser;
import io.github.wxlogin.token.WxIssuedTokens;

/**
 * The result of a login or a refresh: the new tokens and the user they belong to.
 *
 * @param tokens the access and refresh tokens
 * @param user the user
 * @param newUser whether this login created the user (never for a refresh)
 * @param restored whether this login cancelled the pending deletion of the user's account
 */
public record SignedIn(WxIssuedTokens tokens, WxUser user, boolean newUser, boolean restored) {

	/**
	 * The result of a login or refresh that restored no account.
	 * @param tokens the access and refresh tokens
	 * @param user the user
	 * @param newUser whether this login created the user (never for a refresh)
	 */
	public SignedIn(WxIssuedTokens tokens, WxUser user, boolean newUser) {
		this(tokens, user, newUser, false);
	}

}
