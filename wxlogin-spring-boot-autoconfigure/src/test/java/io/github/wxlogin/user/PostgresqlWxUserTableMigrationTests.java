package io.github.wxlogin.user;

/**
 * Tests of the upgrade from {@code wx_user} on PostgreSQL.
 */
class PostgresqlWxUserTableMigrationTests extends WxUserTableMigrationTests {

	@Override
	ScratchDatabase newDatabase() {
		return ScratchDatabase.postgresql();
	}

}
