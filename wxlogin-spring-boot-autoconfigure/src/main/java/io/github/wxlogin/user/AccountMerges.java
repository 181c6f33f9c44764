package io.github.wxlogin.user;

import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxAccountException;

/**
 * The rules both stores check before they merge one account into another (see
 * {@link io.github.wxlogin.WxAccountStore#merge}): what would be lost or cross a tenant is refused. Two
 * WeChat users of one mini program may end in one account, as a phone-number login that links a second
 * WeChat user to the phone's account already does.
 */
final class AccountMerges {

	private AccountMerges() {
	}

	/**
	 * Refuse a merge that breaks a rule of the account model.
	 * @throws WxAccountException ({@code MERGE_CONFLICT}) if it does
	 */
	static void requireMergeable(WxAccount from, WxAccount into) {
		if (from.id().equals(into.id())) {
			throw WxAccountException.mergeConflict("An account cannot be merged into itself");
		}
		if (!from.tenant().equals(into.tenant())) {
			throw WxAccountException.mergeConflict("The accounts are of two tenants");
		}
		if (from.phone() != null) {
			// an account has at most one phone: the merged account could not keep both
			throw WxAccountException.mergeConflict("The account merged away has a phone of its own");
		}
	}

}
