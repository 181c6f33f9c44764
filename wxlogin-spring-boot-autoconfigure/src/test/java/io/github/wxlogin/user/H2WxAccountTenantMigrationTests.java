package io.github.wxlogin.user;

/**
 * Tests of the upgrade of {@code wx_account} to tenants on an in-memory H2 database.
 */
class H2WxAccountTenantMigrationTests extends WxAccountTenantMigrationTests {

	@Override
	ScratchDatabase newDatabase() {
		return ScratchDatabase.h2();
	}

}
