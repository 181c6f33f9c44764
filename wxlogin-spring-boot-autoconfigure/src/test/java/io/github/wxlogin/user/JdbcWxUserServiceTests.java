package io.github.wxlogin.user;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

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

	private void initializeSchema() {
		WxUserSchemaInitializer initializer = new WxUserSchemaInitializer(this.dataSource,
				DatabaseInitializationMode.ALWAYS);
		initializer.setResourceLoader(new DefaultResourceLoader());
		assertThat(initializer.initializeDatabase()).isTrue();
	}

}
