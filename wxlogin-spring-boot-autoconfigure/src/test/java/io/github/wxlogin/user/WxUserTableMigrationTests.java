package io.github.wxlogin.user;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxLinkedIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxUser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.DatabasePopulatorUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests of the start-up that finds the single-table {@code wx_user} layout of an earlier version, on a
 * database of the test's own: the users are copied into {@code wx_account} and {@code wx_identity} with
 * their ids, so that tokens issued before the upgrade name users that still exist.
 */
abstract class WxUserTableMigrationTests {

	private static final Instant CREATED = Instant.parse("2025-01-02T03:04:05.678Z");

	private static final Instant UPDATED = Instant.parse("2025-02-03T04:05:06.789Z");

	private DataSource dataSource;

	private JdbcClient jdbc;

	private ScratchDatabase database;

	/**
	 * An empty database of the test's own.
	 * @return the database, not created yet
	 */
	abstract ScratchDatabase newDatabase();

	@BeforeEach
	void createTheEarlierVersionsTable() {
		this.database = newDatabase();
		this.dataSource = this.database.create();
		this.jdbc = JdbcClient.create(this.dataSource);
		DatabasePopulatorUtils.execute(new ResourceDatabasePopulator(
				new ClassPathResource("io/github/wxlogin/user/legacy-wx_user-" + this.database.platform() + ".sql")), this.dataSource);
	}

	@AfterEach
	void drop() {
		this.database.drop();
	}

	@Test
	void usersOfTheEarlierTableKeepTheirIdsAndEverythingElse() {
		String first = insertOldUser("wx-app-a", "openid-1", "unionid-1", "13800138000", "Xiaoming");
		String second = insertOldUser("wx-app-b", "openid-2", null, null, null);

		initialize();

		JdbcWxUserService users = users();
		assertThat(users.findById(first)).contains(new WxUser(first, "wx-app-a", "openid-1", "unionid-1",
				"13800138000", "86", "Xiaoming", "https://example.com/a.png", CREATED, UPDATED));
		assertThat(users.findById(second)).contains(new WxUser(second, "wx-app-b", "openid-2", null, null, null, null,
				"https://example.com/a.png", CREATED, UPDATED));
		WxAccount account = users.findByPhone("13800138000").orElseThrow();
		assertThat(account.id()).isEqualTo(first);
		assertThat(account.phone()).isEqualTo(new WxPhone("13800138000", "13800138000", "86"));
		assertThat(account.identities())
			.containsExactly(new WxLinkedIdentity("wx-app-a", "openid-1", "unionid-1", CREATED));
		assertThat(users.findOrCreate(new WxIdentity("wx-app-b", "openid-2", null)).created()).isFalse();
		// left for the operator to drop
		assertThat(count("wx_user")).isEqualTo(2);
	}

	@Test
	void everyLaterStartCopiesNothingAgain() {
		insertOldUser("wx-app-a", "openid-1", null, "13800138000", null);
		initialize();
		users().findOrCreate(new WxIdentity("wx-app-a", "openid-3", null));

		initialize();

		assertThat(count("wx_identity")).isEqualTo(2);
		assertThat(count("wx_account")).isEqualTo(2);
	}

	@Test
	void aPhoneOfUsersOfTwoMiniProgramsStopsStartUpUntilOneKeepsItAndNothingIsCopiedBefore() {
		insertOldUser("wx-app-a", "openid-1", null, "13800138000", null);
		String other = insertOldUser("wx-app-b", "openid-2", null, "13800138000", null);

		assertThatIllegalStateException().isThrownBy(this::initialize)
			.withMessageContaining("binds 1 phone number(s) to users of several mini programs")
			.withMessageContaining("Upgrading from the wx_user table");
		assertThat(count("wx_identity")).isZero();
		assertThat(count("wx_account")).isZero();

		this.jdbc.sql("UPDATE wx_user SET phone_number = NULL, pure_phone_number = NULL, country_code = NULL "
				+ "WHERE id = :id").param("id", other).update();
		initialize();
		assertThat(count("wx_identity")).isEqualTo(2);
	}

	@Test
	void theShippedScriptCopiesWhatIsMissingWhenRunAgain() {
		insertOldUser("wx-app-a", "openid-1", null, null, null);
		initialize();
		String late = insertOldUser("wx-app-a", "openid-2", null, null, null);

		DatabasePopulatorUtils.execute(new ResourceDatabasePopulator(new ClassPathResource(WxUserTableMigration.SCRIPT)),
				this.dataSource);
		DatabasePopulatorUtils.execute(new ResourceDatabasePopulator(new ClassPathResource(WxUserTableMigration.SCRIPT)),
				this.dataSource);

		assertThat(users().findById(late)).map(WxUser::openid).contains("openid-2");
		assertThat(count("wx_identity")).isEqualTo(2);
	}

	private String insertOldUser(String appid, String openid, @Nullable String unionid, @Nullable String phone,
			@Nullable String nickname) {
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("INSERT INTO wx_user (id, appid, openid, unionid, phone_number, pure_phone_number, "
				+ "country_code, nickname, avatar_url, created_at, updated_at) VALUES (:id, :appid, :openid, :unionid, "
				+ ":phone, :phone, :countryCode, :nickname, 'https://example.com/a.png', :createdAt, :updatedAt)")
			.param("id", id)
			.param("appid", appid)
			.param("openid", openid)
			.param("unionid", unionid, java.sql.Types.VARCHAR)
			.param("phone", phone, java.sql.Types.VARCHAR)
			.param("countryCode", (phone != null) ? "86" : null, java.sql.Types.VARCHAR)
			.param("nickname", nickname, java.sql.Types.VARCHAR)
			.param("createdAt", Timestamp.from(CREATED))
			.param("updatedAt", Timestamp.from(UPDATED))
			.update();
		return id;
	}

	private void initialize() {
		WxUserSchemaInitializer initializer = new WxUserSchemaInitializer(this.dataSource,
				DatabaseInitializationMode.ALWAYS);
		initializer.setResourceLoader(new DefaultResourceLoader());
		assertThat(initializer.initializeDatabase()).isTrue();
	}

	private JdbcWxUserService users() {
		return new JdbcWxUserService(new JdbcTemplate(this.dataSource), Clock.systemUTC());
	}

	private int count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
	}

}
