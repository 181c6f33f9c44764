package io.github.wxlogin.app;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Tests for {@link JdbcWxAppRegistry} on an in-memory H2 database.
 */
class H2JdbcWxAppRegistryTests extends JdbcWxAppRegistryTests {

	@Override
	protected DataSource createDataSource() {
		return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:wx-app-tests;DB_CLOSE_DELAY=-1", "sa", "");
	}

}
