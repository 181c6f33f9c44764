package io.github.wxlogin.user;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Tests of the upgrade of {@code wx_account} to tenants on an in-memory H2 database of each test's own.
 */
class H2WxAccountTenantMigrationTests extends WxAccountTenantMigrationTests {

	private DataSource dataSource;

	@Override
	protected DataSource createEmptyDatabase() {
		this.dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:wx-tenants-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		return this.dataSource;
	}

	@Override
	protected void dropDatabase() {
		JdbcClient.create(this.dataSource).sql("SHUTDOWN").update();
	}

	@Override
	protected String platform() {
		return "h2";
	}

}
