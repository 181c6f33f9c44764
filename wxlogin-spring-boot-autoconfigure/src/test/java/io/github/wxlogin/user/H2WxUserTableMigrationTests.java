package io.github.wxlogin.user;

/**
 * Tests of the upgrade from {@code wx_user} on an in-memory H2 database.
 */
class H2WxUserTableMigrationTests extends WxUserTableMigrationTests {

	@Override
	ScratchDatabase newDatabase() {
		return ScratchDatabase.h2();
	}

}
