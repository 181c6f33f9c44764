package io.github.wxlogin.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import io.github.wxlogin.PhoneConflictException;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxProfile;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.WxUserService;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link WxUserService} that keeps users in the {@code wx_user} table, created by the scripts next to
 * this class (see {@link WxUserSchemaInitializer}).
 * <p>
 * Uniqueness is left to the table's unique keys rather than to read-then-write checks, so it holds
 * across threads and instances: concurrent first logins of one openid insert one row, and a phone
 * number already bound to another user of the same mini program is refused by the database. Each
 * call is meant to run in its own transaction: on PostgreSQL a refused insert or update aborts a
 * surrounding transaction.
 */
public class JdbcWxUserService implements WxUserService {

	private static final String SELECT_USER = "SELECT id, appid, openid, unionid, phone_number, country_code, "
			+ "nickname, avatar_url, created_at, updated_at FROM wx_user";

	private final JdbcClient jdbcClient;

	private final Clock clock;

	/**
	 * Create a new JDBC user service.
	 * @param jdbcClient the client of the database that holds the {@code wx_user} table
	 * @param clock the clock that stamps creation and update times
	 */
	public JdbcWxUserService(JdbcClient jdbcClient, Clock clock) {
		this.jdbcClient = jdbcClient;
		this.clock = clock;
	}

	@Override
	public WxUserLogin findOrCreate(WxIdentity identity) {
		Optional<WxUser> existing = findByOpenid(identity.appid(), identity.openid());
		if (existing.isPresent()) {
			return new WxUserLogin(recordUnionid(existing.get(), identity.unionid()), false);
		}
		WxUser user = newUser(identity);
		try {
			insert(user);
			return new WxUserLogin(user, true);
		}
		catch (DuplicateKeyException ex) {
			// A concurrent first login of the same openid inserted its row first
			WxUser winner = findByOpenid(identity.appid(), identity.openid()).orElseThrow(() -> ex);
			return new WxUserLogin(recordUnionid(winner, identity.unionid()), false);
		}
	}

	@Override
	public Optional<WxUser> findById(String userId) {
		return this.jdbcClient.sql(SELECT_USER + " WHERE id = :id")
			.param("id", userId)
			.query(JdbcWxUserService::mapUser)
			.optional();
	}

	/**
	 * Find the user of a mini program with the given unionid, for example to link users across the mini
	 * programs of one Open Platform account.
	 * @param appid the mini program's AppID
	 * @param unionid the user's unionid
	 * @return the user, or empty when none of the mini program's users has this unionid
	 */
	public Optional<WxUser> findByUnionid(String appid, String unionid) {
		return this.jdbcClient.sql(SELECT_USER + " WHERE appid = :appid AND unionid = :unionid")
			.param("appid", appid)
			.param("unionid", unionid)
			.query(JdbcWxUserService::mapUser)
			.optional();
	}

	@Override
	public WxUser bindPhone(String userId, WxPhone phone) {
		int updated;
		try {
			updated = this.jdbcClient
				.sql("UPDATE wx_user SET phone_number = :phoneNumber, pure_phone_number = :purePhoneNumber, "
						+ "country_code = :countryCode, updated_at = :updatedAt WHERE id = :id")
				.param("phoneNumber", phone.phoneNumber())
				.param("purePhoneNumber", phone.purePhoneNumber())
				.param("countryCode", phone.countryCode())
				.param("updatedAt", timestamp(now()))
				.param("id", userId)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Only the phone changes, so only the (appid, phone_number) key can be violated
			PhoneConflictException conflict = new PhoneConflictException();
			conflict.initCause(ex);
			throw conflict;
		}
		return reload(userId, updated);
	}

	@Override
	public WxUser updateProfile(String userId, WxProfile profile) {
		int updated = this.jdbcClient
			.sql("UPDATE wx_user SET nickname = COALESCE(:nickname, nickname), "
					+ "avatar_url = COALESCE(:avatarUrl, avatar_url), updated_at = :updatedAt WHERE id = :id")
			.param("nickname", profile.nickname(), Types.VARCHAR)
			.param("avatarUrl", profile.avatarUrl(), Types.VARCHAR)
			.param("updatedAt", timestamp(now()))
			.param("id", userId)
			.update();
		return reload(userId, updated);
	}

	private Optional<WxUser> findByOpenid(String appid, String openid) {
		return this.jdbcClient.sql(SELECT_USER + " WHERE appid = :appid AND openid = :openid")
			.param("appid", appid)
			.param("openid", openid)
			.query(JdbcWxUserService::mapUser)
			.optional();
	}

	private void insert(WxUser user) {
		this.jdbcClient
			.sql("INSERT INTO wx_user (id, appid, openid, unionid, created_at, updated_at) "
					+ "VALUES (:id, :appid, :openid, :unionid, :createdAt, :updatedAt)")
			.param("id", user.id())
			.param("appid", user.appid())
			.param("openid", user.openid())
			.param("unionid", user.unionid(), Types.VARCHAR)
			.param("createdAt", timestamp(user.createdAt()))
			.param("updatedAt", timestamp(user.updatedAt()))
			.update();
	}

	private WxUser recordUnionid(WxUser user, @Nullable String unionid) {
		if (unionid == null || user.unionid() != null) {
			return user;
		}
		// No row updated means a concurrent login recorded it first; either way the stored row is current
		this.jdbcClient
			.sql("UPDATE wx_user SET unionid = :unionid, updated_at = :updatedAt WHERE id = :id AND unionid IS NULL")
			.param("unionid", unionid)
			.param("updatedAt", timestamp(now()))
			.param("id", user.id())
			.update();
		return findById(user.id()).orElseThrow(() -> noSuchUser(user.id()));
	}

	private WxUser reload(String userId, int updatedRows) {
		if (updatedRows == 0) {
			throw noSuchUser(userId);
		}
		return findById(userId).orElseThrow(() -> noSuchUser(userId));
	}

	private WxUser newUser(WxIdentity identity) {
		Instant now = now();
		return new WxUser(UUID.randomUUID().toString(), identity.appid(), identity.openid(), identity.unionid(), null,
				null, null, null, now, now);
	}

	// Milliseconds, the precision of the created_at and updated_at columns
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant);
	}

	private static WxUser mapUser(ResultSet rs, int rowNum) throws SQLException {
		return new WxUser(rs.getString("id"), rs.getString("appid"), rs.getString("openid"), rs.getString("unionid"),
				rs.getString("phone_number"), rs.getString("country_code"), rs.getString("nickname"),
				rs.getString("avatar_url"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static NoSuchElementException noSuchUser(String userId) {
		return new NoSuchElementException("No user with id " + userId);
	}

}
