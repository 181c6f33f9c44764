package io.github.wxlogin.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxLinkedIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxUser;

/**
 * Reads the rows of {@code wx_account} and {@code wx_identity} into the public types.
 */
final class AccountRows {

	static final String SELECT_ACCOUNT = "SELECT id, phone_number, pure_phone_number, country_code, nickname, "
			+ "avatar_url, disabled, created_at, updated_at FROM wx_account";

	private AccountRows() {
	}

	/** An account without its identities, which {@link #withIdentities} adds. */
	static WxAccount account(ResultSet rs, int rowNum) throws SQLException {
		String phoneNumber = rs.getString("phone_number");
		WxPhone phone = (phoneNumber != null)
				? new WxPhone(phoneNumber, rs.getString("pure_phone_number"), rs.getString("country_code")) : null;
		return new WxAccount(rs.getString("id"), phone, rs.getString("nickname"), rs.getString("avatar_url"),
				rs.getBoolean("disabled"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), List.of());
	}

	static WxAccount withIdentities(WxAccount account, List<WxLinkedIdentity> identities) {
		return new WxAccount(account.id(), account.phone(), account.nickname(), account.avatarUrl(),
				account.disabled(), account.createdAt(), account.updatedAt(), identities);
	}

	static WxLinkedIdentity identity(ResultSet rs, int rowNum) throws SQLException {
		return new WxLinkedIdentity(rs.getString("appid"), rs.getString("openid"), rs.getString("unionid"),
				rs.getTimestamp("linked_at").toInstant());
	}

	static WxUser user(ResultSet rs, int rowNum) throws SQLException {
		return new WxUser(rs.getString("id"), rs.getString("appid"), rs.getString("openid"), rs.getString("unionid"),
				rs.getString("phone_number"), rs.getString("country_code"), rs.getString("nickname"),
				rs.getString("avatar_url"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
