package io.github.wxlogin.user;

/**
 * Tests of the upgrade of {@code wx_account} to tenants on MariaDB (with the MySQL scripts).
 */
class MariadbWxAccountTenantMigrationTests extends WxAccountTenantMigrationTests {

	@Override
	ScratchDatabase newDatabase() {
		return ScratchDatabase.mariadb();
	}

}
