package io.github.wxlogin.user;

/**
 * Tests of the upgrade of {@code wx_account} to tenants on PostgreSQL.
 */
class PostgresqlWxAccountTenantMigrationTests extends WxAccountTenantMigrationTests {

	@Override
	ScratchDatabase newDatabase() {
		return ScratchDatabase.postgresql();
	}

}
