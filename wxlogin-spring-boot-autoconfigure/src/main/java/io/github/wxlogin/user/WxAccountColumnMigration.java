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
 * Upgrades a {@code wx_account} table made by an earlier version, which lacks a column this one reads: it
 * runs {@code migrate-<name>-<platform>.sql} (shipped next to the schema scripts for databases whose
 * schema the host manages), and only while the column is missing, so every later start does nothing.
 * <ul>
 * <li>{@link #TENANT}: a table made before tenants gets its {@code tenant} column, every account joining
 * the default tenant with its id and everything else kept, and the phone's unique key becomes unique per
 * tenant;</li>
 * <li>{@link #BAN}: a table made before timed bans gets {@code disabled_until} and
 * {@code disabled_reason}, empty, so that an account disabled before stays disabled without end.</li>
 * </ul>
 */
enum WxAccountColumnMigration {

	/** The account's tenant. */
	TENANT("tenant", "classpath:io/github/wxlogin/user/migrate-tenant-@@platform@@.sql",
			"its %d account(s) joined the 'default' tenant, with their ids, and a phone is now unique inside its tenant"),

	/** The end and reason of an account's ban. */
	BAN("disabled_until", "classpath:io/github/wxlogin/user/migrate-ban-@@platform@@.sql",
			"its %d account(s) kept their state, and a ban may now have an end and a reason");

	private static final Log logger = LogFactory.getLog(WxAccountColumnMigration.class);

	private final String column;

	private final String script;

	private final String outcome;

	WxAccountColumnMigration(String column, String script, String outcome) {
		this.column = column;
		this.script = script;
		this.outcome = outcome;
	}

	/**
	 * Return where the script is, with {@code @@platform@@} for the database's name.
	 * @return the script's location
	 */
	String script() {
		return this.script;
	}

	void migrateIfNeeded(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		if (hasColumn(jdbc)) {
			return;
		}
		String location = new PlatformPlaceholderDatabaseDriverResolver()
			.withDriverPlatform(DatabaseDriver.MARIADB, "mysql")
			.resolveAll(dataSource, this.script)
			.get(0);
		ResourceDatabasePopulator upgrade = new ResourceDatabasePopulator(
				new DefaultResourceLoader().getResource(location));
		try {
			new TransactionTemplate(new DataSourceTransactionManager(dataSource))
				.executeWithoutResult((status) -> DatabasePopulatorUtils.execute(upgrade, dataSource));
		}
		catch (DataAccessException ex) {
			// Another instance starting at the same time may have upgraded the table first
			if (hasColumn(jdbc)) {
				return;
			}
			throw ex;
		}
		Integer accounts = jdbc.queryForObject("SELECT COUNT(*) FROM wx_account", Integer.class);
		logger.info("Upgraded wx_account with its " + this.column + " column: "
				+ String.format(this.outcome, accounts) + ".");
	}

	private boolean hasColumn(JdbcTemplate jdbc) {
		try {
			jdbc.queryForObject("SELECT COUNT(" + this.column + ") FROM wx_account WHERE 1 = 0", Integer.class);
			return true;
		}
		catch (BadSqlGrammarException ex) {
			return false;
		}
	}

}
