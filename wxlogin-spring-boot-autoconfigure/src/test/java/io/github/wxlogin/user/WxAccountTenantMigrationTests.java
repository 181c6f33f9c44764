package io.github.wxlogin.user;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxAccountException;
import io.github.wxlogin.WxBan;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxLinkedIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxTenant;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests of the start-up that finds a {@code wx_account} table made before tenants (by the schema scripts
 * copied into {@code legacy-wx_account-<platform>.sql}), on a database of the test's own: the accounts
 * join the default tenant with their ids, identities and phones, a phone becomes unique per tenant, and a ban
 * gains an end and a reason.
 */
abstract class WxAccountTenantMigrationTests {

	private static final Instant CREATED = Instant.parse("2025-01-02T03:04:05.678Z");

	private static final Instant UPDATED = Instant.parse("2025-02-03T04:05:06.789Z");

	private static final WxPhone PHONE = new WxPhone("13800138000", "13800138000", "86");

	private DataSource dataSource;

	private JdbcClient jdbc;

	private ScratchDatabase database;

	/**
	 * An empty database of the test's own.
	 * @return the database, not created yet
	 */
	abstract ScratchDatabase newDatabase();

	@BeforeEach
	void createTheTablesOfTheVersionBeforeTenants() {
		this.database = newDatabase();
		this.dataSource = this.database.create();
		this.jdbc = JdbcClient.create(this.dataSource);
		DatabasePopulatorUtils.execute(new ResourceDatabasePopulator(
				new ClassPathResource("io/github/wxlogin/user/legacy-wx_account-" + this.database.platform() + ".sql")),
				this.dataSource);
	}

	@AfterEach
	void drop() {
		this.database.drop();
	}

	@Test
	void accountsMadeBeforeTenantsJoinTheDefaultTenantWithEverythingKept() {
		String withPhone = insertOldAccount(PHONE, "Xiaoming");
		insertOldIdentity(withPhone, "wx-app-a", "openid-1", "unionid-1");
		insertOldIdentity(withPhone, "wx-app-b", "openid-2", "unionid-1");
		String withoutPhone = insertOldAccount(null, null);
		insertOldIdentity(withoutPhone, "wx-app-a", "openid-3", null);

		initialize();

		JdbcWxUserService users = users();
		WxAccount account = users.findByPhone(PHONE.phoneNumber()).orElseThrow();
		assertThat(account).isEqualTo(new WxAccount(withPhone, PHONE, "Xiaoming", null, false, CREATED, UPDATED,
				List.of(new WxLinkedIdentity("wx-app-a", "openid-1", "unionid-1", CREATED),
						new WxLinkedIdentity("wx-app-b", "openid-2", "unionid-1", CREATED)),
				WxTenant.DEFAULT));
		assertThat(users.findAccount(withoutPhone)).map(WxAccount::tenant).contains(WxTenant.DEFAULT);
		assertThat(users.findOrCreate(new WxIdentity("wx-app-a", "openid-3", null)).user().id()).isEqualTo(withoutPhone);
		// a new identity of the unionid still joins its account in the default tenant
		assertThat(users.findOrCreate(new WxIdentity("wx-app-c", "openid-4", "unionid-1")).user().id())
			.isEqualTo(withPhone);
	}

	@Test
	void phoneIsUniqueInsideATenantOnceUpgraded() {
		insertOldAccount(PHONE, null);

		initialize();

		JdbcWxUserService users = users();
		assertThatExceptionOfType(WxAccountException.class).isThrownBy(() -> users.createAccount(PHONE))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(WxAccountException.Reason.PHONE_CONFLICT));
		assertThat(users.createAccount("merchant-1", PHONE).tenant()).isEqualTo("merchant-1");
		assertThat(count("wx_account")).isEqualTo(2);
	}

	@Test
	void everyLaterStartChangesNothing() {
		String id = insertOldAccount(PHONE, null);
		insertOldIdentity(id, "wx-app-a", "openid-1", null);
		initialize();
		users().createAccount("merchant-1", PHONE);
		WxAccount before = users().findAccount(id).orElseThrow();

		initialize();

		assertThat(users().findAccount(id)).contains(before);
		assertThat(count("wx_account")).isEqualTo(2);
		assertThat(count("wx_identity")).isOne();
	}

	@Test
	void anAccountDisabledBeforeTimedBansStaysDisabledWithoutEndAndBansGainAnEndAndAReason() {
		String disabled = insertOldAccount(null, null);
		this.jdbc.sql("UPDATE wx_account SET disabled = TRUE WHERE id = :id").param("id", disabled).update();
		String other = insertOldAccount(PHONE, null);

		initialize();

		JdbcWxUserService users = users();
		assertThat(users.findBan(disabled)).contains(WxBan.indefinite());
		WxBan ban = new WxBan(Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS), "spam");
		users.disable(other, ban);
		assertThat(users.findBan(other)).contains(ban);
	}

	@Test
	void anEmptyTableIsUpgradedToo() {
		initialize();

		WxAccount account = users().createAccount("merchant-1", PHONE);

		assertThat(users().findByPhone("merchant-1", PHONE.phoneNumber())).contains(account);
		assertThat(users().findByPhone(PHONE.phoneNumber())).isEmpty();
	}

	@Test
	void accountsMadeBeforeDeletionsAndMergesCanBeDeletedAndMergedOnceStarted() {
		String owner = insertOldAccount(PHONE, null);
		insertOldIdentity(owner, "wx-app-a", "openid-1", null);
		String other = insertOldAccount(null, null);
		insertOldIdentity(other, "wx-app-b", "openid-2", null);
		String deleted = insertOldAccount(null, null);
		insertOldIdentity(deleted, "wx-app-a", "openid-3", null);

		initialize();

		JdbcWxUserService users = users();
		assertThat(users.merge(other, owner).identities()).hasSize(2);
		Instant now = Instant.now();
		users.scheduleDeletion(deleted, now);
		assertThat(users.purge(deleted, now)).isPresent();
		users.forgetDeletion(deleted);
		assertThat(users.findByIdentity("wx-app-a", "openid-3")).isEmpty();
		assertThat(count("wx_account")).isOne();
	}

	@Test
	void aSchemaManagedByTheHostGetsDeletionsFromTheMigrationScripts() {
		String deleted = insertOldAccount(null, null);
		insertOldIdentity(deleted, "wx-app-a", "openid-1", null);

		for (String script : List.of("migrate-tenant", "migrate-ban", "migrate-deletion")) {
			new ResourceDatabasePopulator(
					new ClassPathResource("io/github/wxlogin/user/" + script + "-" + this.database.platform() + ".sql"))
				.execute(this.dataSource);
		}

		JdbcWxUserService users = users();
		Instant now = Instant.now();
		users.scheduleDeletion(deleted, now);
		assertThat(users.purge(deleted, now)).isPresent();
		assertThat(users.findByIdentity("wx-app-a", "openid-1")).isEmpty();
	}

	private String insertOldAccount(@Nullable WxPhone phone, @Nullable String nickname) {
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("INSERT INTO wx_account (id, phone_number, pure_phone_number, country_code, nickname, disabled, "
				+ "created_at, updated_at) VALUES (:id, :phone, :purePhone, :countryCode, :nickname, FALSE, :createdAt, "
				+ ":updatedAt)")
			.param("id", id)
			.param("phone", (phone != null) ? phone.phoneNumber() : null, java.sql.Types.VARCHAR)
			.param("purePhone", (phone != null) ? phone.purePhoneNumber() : null, java.sql.Types.VARCHAR)
			.param("countryCode", (phone != null) ? phone.countryCode() : null, java.sql.Types.VARCHAR)
			.param("nickname", nickname, java.sql.Types.VARCHAR)
			.param("createdAt", Timestamp.from(CREATED))
			.param("updatedAt", Timestamp.from(UPDATED))
			.update();
		return id;
	}

	private void insertOldIdentity(String accountId, String appid, String openid, @Nullable String unionid) {
		this.jdbc.sql("INSERT INTO wx_identity (appid, openid, account_id, unionid, linked_at) "
				+ "VALUES (:appid, :openid, :accountId, :unionid, :linkedAt)")
			.param("appid", appid)
			.param("openid", openid)
			.param("accountId", accountId)
			.param("unionid", unionid, java.sql.Types.VARCHAR)
			.param("linkedAt", Timestamp.from(CREATED))
			.update();
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
