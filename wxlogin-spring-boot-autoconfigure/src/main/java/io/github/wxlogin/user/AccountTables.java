package io.github.wxlogin.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxBan;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxLinkedIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxProfile;
import io.github.wxlogin.WxUser;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements of {@link JdbcWxUserService} on the {@code wx_account} and {@code wx_identity} tables,
 * one a method, each stamping changes with the clock. The rules that combine them live in the service.
 */
final class AccountTables {

	private static final String SELECT_USER = "SELECT a.id, i.appid, i.openid, i.unionid, a.phone_number, "
			+ "a.country_code, a.nickname, a.avatar_url, a.created_at, a.updated_at "
			+ "FROM wx_identity i JOIN wx_account a ON a.id = i.account_id";

	private static final String SELECT_ACCOUNT = "SELECT id, tenant, phone_number, pure_phone_number, country_code, "
			+ "nickname, avatar_url, disabled, disabled_until, disabled_reason, created_at, updated_at FROM wx_account";

	/** The identity linked first, with a tie broken the same way on every database. */
	private static final String FIRST_LINKED = " ORDER BY i.linked_at, i.appid, i.openid LIMIT 1";

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountTables(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<WxUser> userSeenThroughFirstIdentity(String accountId) {
		return this.jdbc.sql(SELECT_USER + " WHERE a.id = :id" + FIRST_LINKED)
			.param("id", accountId)
			.query(AccountTables::user)
			.optional();
	}

	Optional<WxUser> userOfIdentity(String appid, String openid) {
		return this.jdbc.sql(SELECT_USER + " WHERE i.appid = :appid AND i.openid = :openid")
			.param("appid", appid)
			.param("openid", openid)
			.query(AccountTables::user)
			.optional();
	}

	Optional<WxUser> userOfUnionid(String appid, String unionid) {
		return this.jdbc.sql(SELECT_USER + " WHERE i.appid = :appid AND i.unionid = :unionid" + FIRST_LINKED)
			.param("appid", appid)
			.param("unionid", unionid)
			.query(AccountTables::user)
			.optional();
	}

	Optional<WxAccount> account(String accountId) {
		// The identities are read after the account row, not while it is read: no second connection at once
		return this.jdbc.sql(SELECT_ACCOUNT + " WHERE id = :id")
			.param("id", accountId)
			.query((rs, row) -> account(rs))
			.optional()
			.map((account) -> new WxAccount(account.id(), account.phone(), account.nickname(), account.avatarUrl(),
					account.disabled(), account.createdAt(), account.updatedAt(), identities(accountId),
					account.tenant(), account.ban()));
	}

	/** The ban in force, read against the clock: a ban whose end has passed is none, with nothing to lift it. */
	Optional<WxBan> ban(String accountId) {
		return this.jdbc.sql("SELECT disabled, disabled_until, disabled_reason FROM wx_account WHERE id = :id")
			.param("id", accountId)
			.query((rs, row) -> Optional.ofNullable(ban(rs, this.clock.instant())))
			.optional()
			.flatMap((ban) -> ban);
	}

	/**
	 * Whether the account has a phone, locking its row until the transaction ends.
	 * @throws NoSuchElementException if there is no such account
	 */
	boolean lockAccountWithPhone(String accountId) {
		return this.jdbc.sql("SELECT phone_number FROM wx_account WHERE id = :id FOR UPDATE")
			.param("id", accountId)
			.query((rs, row) -> rs.getString("phone_number") != null)
			.optional()
			.orElseThrow(() -> noSuchAccount(accountId));
	}

	List<WxLinkedIdentity> identities(String accountId) {
		return this.jdbc
			.sql("SELECT i.appid, i.openid, i.unionid, i.linked_at FROM wx_identity i WHERE i.account_id = :id "
					+ "ORDER BY i.linked_at, i.appid, i.openid")
			.param("id", accountId)
			.query(AccountTables::identity)
			.list();
	}

	@Nullable String accountOfIdentity(String appid, String openid) {
		return this.jdbc.sql("SELECT account_id FROM wx_identity WHERE appid = :appid AND openid = :openid")
			.param("appid", appid)
			.param("openid", openid)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Nullable String accountOfPhone(String tenant, String phoneNumber) {
		return this.jdbc.sql("SELECT id FROM wx_account WHERE tenant = :tenant AND phone_number = :phoneNumber")
			.param("tenant", tenant)
			.param("phoneNumber", phoneNumber)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** The account of the tenant's identity linked first among those with this unionid, if any. */
	@Nullable String accountOfUnionid(String tenant, @Nullable String unionid) {
		if (unionid == null) {
			return null;
		}
		// The index on (unionid, appid) finds the few identities of a unionid; their accounts by primary key
		return this.jdbc
			.sql("SELECT i.account_id FROM wx_identity i JOIN wx_account a ON a.id = i.account_id "
					+ "WHERE i.unionid = :unionid AND a.tenant = :tenant" + FIRST_LINKED)
			.param("unionid", unionid)
			.param("tenant", tenant)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** Inserts an account of a tenant, with a phone or none, and gives its new id. */
	String insertAccount(String tenant, @Nullable WxPhone phone) {
		String id = UUID.randomUUID().toString();
		Timestamp now = now();
		this.jdbc
			.sql("INSERT INTO wx_account (id, tenant, phone_number, pure_phone_number, country_code, disabled, "
					+ "created_at, updated_at) VALUES (:id, :tenant, :phoneNumber, :purePhoneNumber, :countryCode, FALSE, "
					+ ":now, :now)")
			.param("id", id)
			.param("tenant", tenant)
			.param("phoneNumber", (phone != null) ? phone.phoneNumber() : null, Types.VARCHAR)
			.param("purePhoneNumber", (phone != null) ? phone.purePhoneNumber() : null, Types.VARCHAR)
			.param("countryCode", (phone != null) ? phone.countryCode() : null, Types.VARCHAR)
			.param("now", now)
			.update();
		return id;
	}

	void insertIdentity(String accountId, WxIdentity identity) {
		this.jdbc
			.sql("INSERT INTO wx_identity (appid, openid, account_id, unionid, linked_at) "
					+ "VALUES (:appid, :openid, :accountId, :unionid, :linkedAt)")
			.param("appid", identity.appid())
			.param("openid", identity.openid())
			.param("accountId", accountId)
			.param("unionid", identity.unionid(), Types.VARCHAR)
			.param("linkedAt", now())
			.update();
	}

	void deleteIdentity(String accountId, String appid, String openid) {
		this.jdbc.sql("DELETE FROM wx_identity WHERE appid = :appid AND openid = :openid AND account_id = :id")
			.param("appid", appid)
			.param("openid", openid)
			.param("id", accountId)
			.update();
	}

	/** Records the unionid of an identity that had none; {@code false} when it had one. */
	boolean recordUnionid(String appid, String openid, String unionid) {
		return this.jdbc
			.sql("UPDATE wx_identity SET unionid = :unionid WHERE appid = :appid AND openid = :openid "
					+ "AND unionid IS NULL")
			.param("unionid", unionid)
			.param("appid", appid)
			.param("openid", openid)
			.update() > 0;
	}

	/**
	 * Sets the phone of an account; a phone another account of its tenant has fails the unique key.
	 * @throws NoSuchElementException if there is no such account
	 */
	void updatePhone(String accountId, WxPhone phone) {
		updateAccount(accountId, this.jdbc
			.sql("UPDATE wx_account SET phone_number = :phoneNumber, pure_phone_number = :purePhoneNumber, "
					+ "country_code = :countryCode, updated_at = :updatedAt WHERE id = :id")
			.param("phoneNumber", phone.phoneNumber())
			.param("purePhoneNumber", phone.purePhoneNumber())
			.param("countryCode", phone.countryCode()));
	}

	/** @throws NoSuchElementException if there is no such account */
	void updateProfile(String accountId, WxProfile profile) {
		updateAccount(accountId, this.jdbc
			.sql("UPDATE wx_account SET nickname = COALESCE(:nickname, nickname), "
					+ "avatar_url = CASE WHEN :removeAvatar THEN NULL ELSE COALESCE(:avatarUrl, avatar_url) END, "
					+ "updated_at = :updatedAt WHERE id = :id")
			.param("nickname", profile.nickname(), Types.VARCHAR)
			.param("avatarUrl", profile.avatarUrl(), Types.VARCHAR)
			.param("removeAvatar", WxProfile.NO_AVATAR.equals(profile.avatarUrl()), Types.BOOLEAN));
	}

	/**
	 * Set or lift an account's ban.
	 * @param ban the ban's terms, or {@code null} to enable the account
	 * @throws NoSuchElementException if there is no such account
	 */
	void updateBan(String accountId, @Nullable WxBan ban) {
		Instant until = (ban != null) ? ban.until() : null;
		updateAccount(accountId, this.jdbc
			.sql("UPDATE wx_account SET disabled = :disabled, disabled_until = :until, disabled_reason = :reason, "
					+ "updated_at = :updatedAt WHERE id = :id")
			.param("disabled", ban != null)
			.param("until", (until != null) ? Timestamp.from(until.truncatedTo(ChronoUnit.MILLIS)) : null,
					Types.TIMESTAMP)
			.param("reason", (ban != null) ? ban.reason() : null, Types.VARCHAR));
	}

	/** @throws NoSuchElementException if there is no such account */
	void touch(String accountId) {
		updateAccount(accountId,
				this.jdbc.sql("UPDATE wx_account SET updated_at = :updatedAt WHERE id = :id"));
	}

	private void updateAccount(String accountId, JdbcClient.StatementSpec update) {
		if (update.param("updatedAt", now()).param("id", accountId).update() == 0) {
			throw noSuchAccount(accountId);
		}
	}

	// Milliseconds, the precision of the time columns
	private Timestamp now() {
		return Timestamp.from(this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
	}

	static NoSuchElementException noSuchAccount(String accountId) {
		return new NoSuchElementException("No user with id " + accountId);
	}

	/** An account without its identities, its ban as it stands now. */
	private WxAccount account(ResultSet rs) throws SQLException {
		String phoneNumber = rs.getString("phone_number");
		WxPhone phone = (phoneNumber != null)
				? new WxPhone(phoneNumber, rs.getString("pure_phone_number"), rs.getString("country_code")) : null;
		WxBan ban = ban(rs, this.clock.instant());
		return new WxAccount(rs.getString("id"), phone, rs.getString("nickname"), rs.getString("avatar_url"),
				ban != null, instant(rs, "created_at"), instant(rs, "updated_at"), List.of(), rs.getString("tenant"),
				ban);
	}

	private static @Nullable WxBan ban(ResultSet rs, Instant now) throws SQLException {
		if (!rs.getBoolean("disabled")) {
			return null;
		}
		Timestamp until = rs.getTimestamp("disabled_until");
		WxBan ban = new WxBan((until != null) ? until.toInstant() : null, rs.getString("disabled_reason"));
		return ban.isActiveAt(now) ? ban : null;
	}

	private static WxLinkedIdentity identity(ResultSet rs, int rowNum) throws SQLException {
		return new WxLinkedIdentity(rs.getString("appid"), rs.getString("openid"), rs.getString("unionid"),
				instant(rs, "linked_at"));
	}

	private static WxUser user(ResultSet rs, int rowNum) throws SQLException {
		return new WxUser(rs.getString("id"), rs.getString("appid"), rs.getString("openid"), rs.getString("unionid"),
				rs.getString("phone_number"), rs.getString("country_code"), rs.getString("nickname"),
				rs.getString("avatar_url"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

}
