package io.github.wxlogin.login;

import java.util.Optional;

import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxProfile;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.WxUserService;

/**
 * A host's user store that keeps users but no accounts: only {@link WxUserService}, the starter's
 * in-memory store behind it.
 */
final class WxUserServiceWithoutAccounts implements WxUserService {

	private final WxUserService users;

	WxUserServiceWithoutAccounts(WxUserService users) {
		this.users = users;
	}

	@Override
	public WxUserLogin findOrCreate(WxIdentity identity) {
		return this.users.findOrCreate(identity);
	}

	@Override
	public Optional<WxUser> findById(String userId) {
		return this.users.findById(userId);
	}

	@Override
	public WxUser bindPhone(String userId, WxPhone phone) {
		return this.users.bindPhone(userId, phone);
	}

	@Override
	public WxUser updateProfile(String userId, WxProfile profile) {
		return this.users.updateProfile(userId, profile);
	}

}
