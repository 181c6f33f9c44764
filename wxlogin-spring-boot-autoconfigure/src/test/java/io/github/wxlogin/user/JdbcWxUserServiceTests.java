package io.github.wxlogin.user;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxLinkedIdentity;
import io.github.wxlogin.WxUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JdbcWxUserService} against one database, whose tables are created
 * by {@link WxUserSchemaInitializer}. A database that cannot be reached fails the tests.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class JdbcWxUserServiceTests extends WxAccountStoreContractTests<JdbcWxUserService> {

	private DataSource dataSource;

	private JdbcClient jdbcClient;

	/**
	 * Connect to the database under test.
	 * @return a data source that serves many connections at once
	 */
	protected abstract DataSource createDataSource();

	@BeforeAll
	void createSchema() {
		this.dataSource = createDataSource();
		this.jdbcClient = JdbcClient.create(this.dataSource);
		// Twice, because every application start runs the script again
		initializeSchema();
		initializeSchema();
	}

	@AfterEach
	void deleteAccountsOfThisTest() {
		List<String> accountIds = this.jdbcClient.sql("SELECT account_id FROM wx_identity WHERE appid LIKE :appid")
			.param("appid", this.appid + "%")
			.query(String.class)
			.list();
		this.jdbcClient.sql("DELETE FROM wx_identity WHERE appid LIKE :appid").param("appid", this.appid + "%").update();
		for (String accountId : accountIds) {
			this.jdbcClient.sql("DELETE FROM wx_account_deletion WHERE account_id = :id").param("id", accountId).update();
			this.jdbcClient.sql("DELETE FROM wx_account WHERE id = :id").param("id", accountId).update();
		}
		// accounts created with a phone and no identity
		this.jdbcClient.sql("DELETE FROM wx_account WHERE phone_number LIKE :phone AND id NOT IN "
				+ "(SELECT account_id FROM wx_identity)")
			.param("phone", this.phoneStem + "%")
			.update();
	}

	@Override
	protected JdbcWxUserService createUserService(Clock clock) {
		return new JdbcWxUserService(new JdbcTemplate(this.dataSource), clock);
	}

	@Override
	protected Optional<WxUser> findByUnionid(JdbcWxUserService users, String appid, String unionid) {
		return users.findByUnionid(appid, unionid);
	}

	@Test
	void userIsStoredInOneRow() {
		users().findOrCreate(new WxIdentity(this.appid, "openid-1", null));
		users().findOrCreate(new WxIdentity(this.appid, "openid-1", "unionid-1"));

		assertThat(this.jdbcClient.sql("SELECT COUNT(*) FROM wx_identity WHERE appid = :appid")
			.param("appid", this.appid)
			.query(Integer.class)
			.single()).isOne();
		assertThat(this.jdbcClient
			.sql("SELECT COUNT(*) FROM wx_account a JOIN wx_identity i ON i.account_id = a.id WHERE i.appid = :appid")
			.param("appid", this.appid)
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void mergeInterruptedByAnOutageChangesNothing() {
		WxUser from = users().findOrCreate(new WxIdentity(this.appid, "openid-1", null)).user();
		WxUser into = users().bindPhone(
				users().findOrCreate(new WxIdentity(this.appid + "-other", "openid-9", null)).user().id(), phone(1));
		StatementOutageDataSource outage = new StatementOutageDataSource(this.dataSource);
		JdbcWxUserService failing = new JdbcWxUserService(new JdbcTemplate(outage), this.clock);
		// the identities moved already when the account merged away is deleted
		outage.failAt("DELETE FROM wx_account WHERE");

		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> failing.merge(from.id(), into.id()));

		assertThat(outage.struck()).isTrue();
		assertThat(users().identities(from.id())).extracting(WxLinkedIdentity::openid).containsExactly("openid-1");
		assertThat(users().identities(into.id())).extracting(WxLinkedIdentity::openid).containsExactly("openid-9");
		assertThat(failing.merge(from.id(), into.id()).identities()).hasSize(2);
	}

	@Test
	void purgeInterruptedByAnOutageChangesNothing() {
		WxUser user = users().bindPhone(users().findOrCreate(new WxIdentity(this.appid, "openid-1", null)).user().id(),
				phone(1));
		users().scheduleDeletion(user.id(), this.clock.instant());
		StatementOutageDataSource outage = new StatementOutageDataSource(this.dataSource);
		JdbcWxUserService failing = new JdbcWxUserService(new JdbcTemplate(outage), this.clock);
		// the account's rows are deleted already when its deletion is marked purged
		outage.failAt("UPDATE wx_account_deletion SET purged");

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> failing.purge(user.id(), this.clock.instant()));

		assertThat(outage.struck()).isTrue();
		assertThat(users().findByIdentity(this.appid, "openid-1")).map(WxUser::id).contains(user.id());
		assertThat(users().findByPhone(phone(1).phoneNumber())).isPresent();
		assertThat(users().deletionScheduledAt(user.id())).isPresent();
		assertThat(failing.purge(user.id(), this.clock.instant())).isPresent();
		assertThat(users().findByIdentity(this.appid, "openid-1")).isEmpty();
		users().forgetDeletion(user.id());
	}

	@Test
	void oneInstanceAtATimeHoldsThePurgeLease() {
		this.jdbcClient.sql("DELETE FROM wx_lease").update();
		Instant now = this.clock.instant();

		assertThat(users().leasePurges("instance-1", now, now.plusSeconds(180))).isTrue();
		assertThat(users().leasePurges("instance-2", now.plusSeconds(60), now.plusSeconds(240))).isFalse();
		assertThat(users().leasePurges("instance-1", now.plusSeconds(60), now.plusSeconds(240))).isTrue();
		// instance-1 stopped: its lease runs out, and another takes over
		assertThat(users().leasePurges("instance-2", now.plusSeconds(240), now.plusSeconds(420))).isTrue();
		assertThat(users().leasePurges("instance-1", now.plusSeconds(300), now.plusSeconds(480))).isFalse();
		this.jdbcClient.sql("DELETE FROM wx_lease").update();
	}

	private void initializeSchema() {
		WxUserSchemaInitializer initializer = new WxUserSchemaInitializer(this.dataSource,
				DatabaseInitializationMode.ALWAYS);
		initializer.setResourceLoader(new DefaultResourceLoader());
		assertThat(initializer.initializeDatabase()).isTrue();
	}

}
