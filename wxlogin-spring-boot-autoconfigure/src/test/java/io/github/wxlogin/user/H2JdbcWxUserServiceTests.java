package io.github.wxlogin.user;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Tests for {@link JdbcWxUserService} on an in-memory H2 database.
 */
class H2JdbcWxUserServiceTests extends JdbcWxUserServiceTests {

	@Override
	protected DataSource createDataSource() {
		return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:wx-user-tests;DB_CLOSE_DELAY=-1", "sa",
				"");
	}

}
