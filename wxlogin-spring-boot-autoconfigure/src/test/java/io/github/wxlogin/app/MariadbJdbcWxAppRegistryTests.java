package io.github.wxlogin.app;

import javax.sql.DataSource;

import io.github.wxlogin.it.LocalDatabaseServers;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Tests for {@link JdbcWxAppRegistry} on the MariaDB server at {@code 127.0.0.1:3306}, database
 * {@code test}, user {@code root} without password. Uses the MySQL script.
 */
class MariadbJdbcWxAppRegistryTests extends JdbcWxAppRegistryTests {

	@Override
	protected DataSource createDataSource() {
		LocalDatabaseServers.requireMariadb();
		return new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(),
				"jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=5000", "root", "");
	}

}
