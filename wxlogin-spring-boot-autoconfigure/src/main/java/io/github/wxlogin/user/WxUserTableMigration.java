package io.github.wxlogin.user;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.DatabasePopulatorUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies the users of the single-table layout of earlier versions ({@code wx_user}) into
 * {@code wx_account} and {@code wx_identity}, keeping their ids so that issued tokens stay valid. It runs
 * {@code migrate-wx_user.sql} (shipped next to the schema scripts for databases whose schema the host
 * manages) in one transaction, and only while no identity is stored yet; {@code wx_user} is left as it
 * is.
 * <p>
 * A phone belongs to one account across mini programs, where {@code wx_user} allowed one per mini
 * program. A {@code wx_user} table that binds one number to users of several mini programs is not
 * copied: start-up fails and says what to change.
 */
final class WxUserTableMigration {

	static final String SCRIPT = "io/github/wxlogin/user/migrate-wx_user.sql";

	private static final Log logger = LogFactory.getLog(WxUserTableMigration.class);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	WxUserTableMigration(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	void migrateIfNeeded() {
		Integer users = oldUsers();
		if (users == null || users == 0 || count("SELECT COUNT(*) FROM wx_identity") > 0) {
			return;
		}
		int sharedPhones = count("SELECT COUNT(*) FROM (SELECT phone_number FROM wx_user "
				+ "WHERE phone_number IS NOT NULL GROUP BY phone_number HAVING COUNT(*) > 1) shared");
		if (sharedPhones > 0) {
			throw new IllegalStateException("The wx_user table of an earlier wxlogin version binds " + sharedPhones
					+ " phone number(s) to users of several mini programs, but a phone now belongs to one account. "
					+ "Keep each of these numbers on one user (set phone_number, pure_phone_number and "
					+ "country_code to NULL on the others) and start again: the users of wx_user are then copied "
					+ "into wx_account and wx_identity. See docs/migration.md, 'Upgrading from the wx_user table'.");
		}
		ResourceDatabasePopulator copy = new ResourceDatabasePopulator(new ClassPathResource(SCRIPT));
		new TransactionTemplate(new DataSourceTransactionManager(this.dataSource))
			.executeWithoutResult((status) -> DatabasePopulatorUtils.execute(copy, this.dataSource));
		logger.info("Copied " + users + " user(s) of the wx_user table into wx_account and wx_identity, with "
				+ "their ids. wx_user is left as it was: drop it once this version serves your application.");
	}

	/** The number of rows of {@code wx_user}, or {@code null} when there is no such table. */
	private @Nullable Integer oldUsers() {
		try {
			return count("SELECT COUNT(*) FROM wx_user");
		}
		catch (BadSqlGrammarException ex) {
			return null;
		}
	}

	private int count(String sql) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class);
		return (count != null) ? count : 0;
	}

}
