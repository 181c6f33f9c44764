package io.github.wxlogin.user;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxAccountException;
import io.github.wxlogin.WxLinkedIdentity;

/**
 * The rules both stores check before they merge one account into another (see
 * {@link io.github.wxlogin.WxAccountStore#merge}): what would be lost or mixed up is refused.
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
			throw WxAccountException.mergeConflict("The account merged away has a phone of its own");
		}
		Set<String> apps = into.identities().stream().map(WxLinkedIdentity::appid).collect(Collectors.toSet());
		if (from.identities().stream().anyMatch((identity) -> apps.contains(identity.appid()))) {
			throw WxAccountException.mergeConflict("Both accounts have a WeChat user in one mini program");
		}
		Set<String> unionids = unionids(into);
		unionids.addAll(unionids(from));
		if (unionids.size() > 1) {
			throw WxAccountException.mergeConflict("The accounts' WeChat identities have two unionids");
		}
	}

	private static Set<String> unionids(WxAccount account) {
		return account.identities()
			.stream()
			.map(WxLinkedIdentity::unionid)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
	}

}
