package io.github.wxlogin.app;

import javax.sql.DataSource;

import io.github.wxlogin.it.LocalDatabaseServers;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Tests for {@link JdbcWxAppRegistry} on the PostgreSQL server at {@code 127.0.0.1:5432}, database
 * {@code test}, user {@code postgres} without password.
 */
class PostgresqlJdbcWxAppRegistryTests extends JdbcWxAppRegistryTests {

	@Override
	protected DataSource createDataSource() {
		LocalDatabaseServers.requirePostgresql();
		return new SimpleDriverDataSource(new org.postgresql.Driver(),
				"jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=5", "postgres", "");
	}

}
