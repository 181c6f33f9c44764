package io.github.wxlogin.user;

import java.util.UUID;

import javax.sql.DataSource;

import io.github.wxlogin.it.LocalDatabaseServers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Tests of the upgrade of {@code wx_account} to tenants on the MariaDB server at {@code 127.0.0.1:3306},
 * in a database of each test's own. Uses the MySQL scripts.
 */
class MariadbWxAccountTenantMigrationTests extends WxAccountTenantMigrationTests {

	private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";

	private final String database = "wx_tenants_" + UUID.randomUUID().toString().replace("-", "");

	private final JdbcClient admin = JdbcClient
		.create(new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(), SERVER + "test?connectTimeout=5000", "root", ""));

	@Override
	protected DataSource createEmptyDatabase() {
		LocalDatabaseServers.requireMariadb();
		this.admin.sql("CREATE DATABASE " + this.database).update();
		return new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(), SERVER + this.database + "?connectTimeout=5000",
				"root", "");
	}

	@Override
	protected void dropDatabase() {
		this.admin.sql("DROP DATABASE IF EXISTS " + this.database).update();
	}

	@Override
	protected String platform() {
		return "mysql";
	}

}
