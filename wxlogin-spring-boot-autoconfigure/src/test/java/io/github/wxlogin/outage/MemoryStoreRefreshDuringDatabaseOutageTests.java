package io.github.wxlogin.outage;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Refresh tokens in memory: a refresh during a database outage leaves the token usable.
 */
@TestPropertySource(properties = "wx.login.store.type=memory")
class MemoryStoreRefreshDuringDatabaseOutageTests extends RefreshDuringDatabaseOutageTests {

	private static final OwnPostgresDatabase database = new OwnPostgresDatabase();

	MemoryStoreRefreshDuringDatabaseOutageTests() {
		super(database);
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::url);
	}

}
