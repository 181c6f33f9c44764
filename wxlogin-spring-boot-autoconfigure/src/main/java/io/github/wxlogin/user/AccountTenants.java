package io.github.wxlogin.user;

import io.github.wxlogin.WxIdentity;

/**
 * The tenant rule both stores check before a write: an account's identities are of its tenant.
 */
final class AccountTenants {

	private AccountTenants() {
	}

	/**
	 * Refuse to link an identity of another tenant, which would let the account reach across tenants.
	 * @throws IllegalArgumentException if the identity is of another tenant than the account
	 */
	static void requireSameTenant(String accountTenant, WxIdentity identity) {
		if (!accountTenant.equals(identity.tenant())) {
			throw new IllegalArgumentException("The WeChat identity's mini program is of tenant '" + identity.tenant()
					+ "', the account of tenant '" + accountTenant + "'");
		}
	}

}
