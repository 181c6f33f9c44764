package io.github.wxlogin.user;

import java.util.UUID;

import javax.sql.DataSource;

import io.github.wxlogin.it.LocalDatabaseServers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Tests of the upgrade of {@code wx_account} to tenants on the PostgreSQL server at
 * {@code 127.0.0.1:5432}, database {@code test}, in a schema of each test's own.
 */
class PostgresqlWxAccountTenantMigrationTests extends WxAccountTenantMigrationTests {

	private static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=5";

	private final String schema = "wx_tenants_" + UUID.randomUUID().toString().replace("-", "");

	private final JdbcClient admin = JdbcClient
		.create(new SimpleDriverDataSource(new org.postgresql.Driver(), DATABASE, "postgres", ""));

	@Override
	protected DataSource createEmptyDatabase() {
		LocalDatabaseServers.requirePostgresql();
		this.admin.sql("CREATE SCHEMA " + this.schema).update();
		return new SimpleDriverDataSource(new org.postgresql.Driver(), DATABASE + "&currentSchema=" + this.schema,
				"postgres", "");
	}

	@Override
	protected void dropDatabase() {
		this.admin.sql("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE").update();
	}

	@Override
	protected String platform() {
		return "postgresql";
	}

}
