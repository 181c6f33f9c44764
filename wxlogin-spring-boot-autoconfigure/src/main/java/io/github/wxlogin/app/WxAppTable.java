package io.github.wxlogin.app;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxPushSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The {@code wx_app} table: its SQL, and the encryption of the secrets it keeps. Every change stamps
 * {@code updated_at} with the database's clock and counts up {@code version}, which is how other
 * instances learn of it.
 */
final class WxAppTable {

	private static final String COLUMNS = "appid, tenant, secret, push_token, push_encoding_aes_key, enabled, removed, version";

	private static final RowMapper<Row> ROW = WxAppTable::row;

	private final JdbcTemplate jdbc;

	private final AppSecretCipher cipher;

	/** Learnt from the database on first use, so that nothing is read at start-up. */
	private volatile @Nullable DatabaseClock clock;

	WxAppTable(JdbcTemplate jdbc, AppSecretCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	Optional<Row> read(String appid) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM wx_app WHERE appid = ?", ROW, appid).stream().findFirst();
	}

	List<Row> readAll() {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM wx_app WHERE removed = FALSE ORDER BY created_at, appid",
				ROW);
	}

	/**
	 * The database's own time, as its {@code updated_at} column holds it: the instances' clocks may differ
	 * from it and from each other.
	 */
	Temporal now() {
		DatabaseClock clock = clock();
		Temporal now = this.jdbc.queryForObject("SELECT " + clock.now(), clock.type());
		if (now == null) {
			throw new IllegalStateException("the database did not tell its time");
		}
		return now;
	}

	List<Row> changedSince(Temporal since) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM wx_app WHERE updated_at > ?", ROW, since);
	}

	/**
	 * Insert an app, or bring a removed one back.
	 * @throws IllegalStateException if the table already serves the AppID
	 */
	void register(String appid, String tenant, String secret, @Nullable WxPushSettings push, boolean enabled) {
		String encryptedSecret = encrypt(appid, "secret", secret);
		String token = (push != null) ? encrypt(appid, "push_token", push.token()) : null;
		String key = (push != null && push.encodingAesKey() != null)
				? encrypt(appid, "push_encoding_aes_key", push.encodingAesKey()) : null;
		String now = clock().now();
		int revived = this.jdbc.update("UPDATE wx_app SET tenant = ?, secret = ?, push_token = ?, "
				+ "push_encoding_aes_key = ?, enabled = ?, removed = FALSE, version = version + 1, created_at = " + now
				+ ", updated_at = " + now + " WHERE appid = ? AND removed = TRUE", tenant, encryptedSecret, token, key,
				enabled, appid);
		if (revived > 0) {
			return;
		}
		try {
			this.jdbc.update("INSERT INTO wx_app (" + COLUMNS + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
					+ "FALSE, 1, " + now + ", " + now + ")", appid, tenant, encryptedSecret, token, key, enabled);
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalStateException("the app " + appid + " is already registered");
		}
	}

	boolean changeSecret(String appid, String secret) {
		return update(appid, "secret = ?", encrypt(appid, "secret", secret));
	}

	boolean changePush(String appid, @Nullable WxPushSettings push) {
		return update(appid, "push_token = ?, push_encoding_aes_key = ?",
				(push != null) ? encrypt(appid, "push_token", push.token()) : null,
				(push != null && push.encodingAesKey() != null)
						? encrypt(appid, "push_encoding_aes_key", push.encodingAesKey()) : null);
	}

	boolean changeTenant(String appid, String tenant) {
		return update(appid, "tenant = ?", tenant);
	}

	boolean changeEnabled(String appid, boolean enabled) {
		return update(appid, "enabled = ?", enabled);
	}

	/** The row stays, so that other instances learn of the removal; its secrets go. */
	boolean remove(String appid) {
		return update(appid, "removed = TRUE, enabled = FALSE, secret = NULL, push_token = NULL, "
				+ "push_encoding_aes_key = NULL");
	}

	/**
	 * Whether anyone has signed in through the app: a table of accounts that does not exist holds nobody.
	 */
	boolean hasIdentities(String appid) {
		try {
			return !this.jdbc.queryForList("SELECT 1 FROM wx_identity WHERE appid = ? LIMIT 1", appid).isEmpty();
		}
		catch (BadSqlGrammarException ex) {
			return false;
		}
	}

	private boolean update(String appid, String assignments, @Nullable Object... values) {
		Object[] arguments = new Object[values.length + 1];
		System.arraycopy(values, 0, arguments, 0, values.length);
		arguments[values.length] = appid;
		return this.jdbc.update("UPDATE wx_app SET " + assignments + ", version = version + 1, updated_at = " + clock().now()
				+ " WHERE appid = ? AND removed = FALSE", arguments) > 0;
	}

	private DatabaseClock clock() {
		DatabaseClock clock = this.clock;
		if (clock == null) {
			String product = this.jdbc.execute((ConnectionCallback<String>) (connection) -> connection.getMetaData()
				.getDatabaseProductName());
			clock = DatabaseClock.of(product);
			this.clock = clock;
		}
		return clock;
	}

	/**
	 * Decrypt a row into the app it keeps.
	 * @throws IllegalStateException if its secrets do not decrypt with this key
	 */
	WxRegisteredApp app(Row row) {
		if (row.secret() == null) {
			throw new IllegalStateException("the app " + row.appid() + " has no secret");
		}
		String secret = decrypt(row.appid(), "secret", row.secret());
		WxPushSettings push = (row.pushToken() != null)
				? new WxPushSettings(decrypt(row.appid(), "push_token", row.pushToken()),
						(row.pushEncodingAesKey() != null)
								? decrypt(row.appid(), "push_encoding_aes_key", row.pushEncodingAesKey()) : null)
				: null;
		return new WxRegisteredApp(new WxApp(row.appid(), secret, row.tenant()), row.enabled(), push,
				WxRegisteredApp.Source.DATABASE);
	}

	private String encrypt(String appid, String column, String value) {
		return this.cipher.encrypt(value, appid + "/" + column);
	}

	private String decrypt(String appid, String column, String value) {
		try {
			return this.cipher.decrypt(value, appid + "/" + column);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("the " + column + " of app " + appid + " in table wx_app does not decrypt "
					+ "with 'wx.login.app-registry.encryption-key' (" + ex.getMessage() + ")");
		}
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		return new Row(rs.getString("appid"), rs.getString("tenant"), rs.getString("secret"),
				rs.getString("push_token"), rs.getString("push_encoding_aes_key"), rs.getBoolean("enabled"),
				rs.getBoolean("removed"), rs.getLong("version"));
	}

	/**
	 * How a database tells its time. MySQL's and MariaDB's DATETIME has no time zone: UTC there, so that a
	 * clock put back an hour in autumn does not hide the changes of that hour from the poll; their times
	 * travel as {@link LocalDateTime}, which no time zone of the JVM shifts either.
	 *
	 * @param now the SQL of the current time, in milliseconds
	 * @param type the Java type of the {@code updated_at} column
	 */
	record DatabaseClock(String now, Class<? extends Temporal> type) {

		static DatabaseClock of(@Nullable String databaseProductName) {
			String product = String.valueOf(databaseProductName).toLowerCase(Locale.ROOT);
			if (product.contains("mysql") || product.contains("mariadb")) {
				return new DatabaseClock("UTC_TIMESTAMP(3)", LocalDateTime.class);
			}
			return new DatabaseClock("CURRENT_TIMESTAMP(3)", OffsetDateTime.class);
		}

	}

	/**
	 * A row as stored, its secrets encrypted.
	 *
	 * @param appid the AppID
	 * @param tenant the tenant
	 * @param secret the encrypted AppSecret, {@code null} once removed
	 * @param pushToken the encrypted push token, or {@code null}
	 * @param pushEncodingAesKey the encrypted EncodingAESKey, or {@code null}
	 * @param enabled whether the app serves logins
	 * @param removed whether the app was removed
	 * @param version how many times the row was written
	 */
	record Row(String appid, String tenant, @Nullable String secret, @Nullable String pushToken,
			@Nullable String pushEncodingAesKey, boolean enabled, boolean removed, long version) {

		@Override
		public String toString() {
			return "Row[appid=" + this.appid + ", version=" + this.version + ", removed=" + this.removed + "]";
		}

	}

}
