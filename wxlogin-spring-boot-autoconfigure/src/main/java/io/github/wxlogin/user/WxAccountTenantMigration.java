package io.github.wxlogin.user;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.DatabasePopulatorUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Upgrades a {@code wx_account} table made before tenants, which has no {@code tenant} column: the column
 * is added, every account joining the default tenant with its id and everything else kept, and the
 * phone's unique key becomes unique per tenant. It runs {@code migrate-tenant-<platform>.sql} (shipped
 * next to the schema scripts for databases whose schema the host manages), and only while the column is
 * missing, so every later start does nothing.
 */
final class WxAccountTenantMigration {

	static final String SCRIPT = "classpath:io/github/wxlogin/user/migrate-tenant-@@platform@@.sql";

	private static final Log logger = LogFactory.getLog(WxAccountTenantMigration.class);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	WxAccountTenantMigration(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	void migrateIfNeeded() {
		if (hasTenantColumn()) {
			return;
		}
		String location = new PlatformPlaceholderDatabaseDriverResolver()
			.withDriverPlatform(DatabaseDriver.MARIADB, "mysql")
			.resolveAll(this.dataSource, SCRIPT)
			.get(0);
		ResourceDatabasePopulator upgrade = new ResourceDatabasePopulator(
				new DefaultResourceLoader().getResource(location));
		try {
			new TransactionTemplate(new DataSourceTransactionManager(this.dataSource))
				.executeWithoutResult((status) -> DatabasePopulatorUtils.execute(upgrade, this.dataSource));
		}
		catch (DataAccessException ex) {
			// Another instance starting at the same time may have upgraded the table first
			if (hasTenantColumn()) {
				return;
			}
			throw ex;
		}
		Integer accounts = this.jdbc.queryForObject("SELECT COUNT(*) FROM wx_account", Integer.class);
		logger.info("Upgraded wx_account to tenants: its " + accounts + " account(s) joined the 'default' tenant, "
				+ "with their ids, and a phone is now unique inside its tenant.");
	}

	private boolean hasTenantColumn() {
		try {
			this.jdbc.queryForObject("SELECT COUNT(tenant) FROM wx_account WHERE 1 = 0", Integer.class);
			return true;
		}
		catch (BadSqlGrammarException ex) {
			return false;
		}
	}

}
