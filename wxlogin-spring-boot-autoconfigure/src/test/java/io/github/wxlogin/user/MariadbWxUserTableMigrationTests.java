package io.github.wxlogin.user;

/**
 * Tests of the upgrade from {@code wx_user} on MariaDB (with the MySQL scripts).
 */
class MariadbWxUserTableMigrationTests extends WxUserTableMigrationTests {

	@Override
	ScratchDatabase newDatabase() {
		return ScratchDatabase.mariadb();
	}

}
