package io.github.wxlogin.user;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * Creates the {@code wx_account} and {@code wx_identity} tables of {@link JdbcWxUserService} when the
 * application starts, as Spring Boot's own {@code initialize-schema} properties do. The script matching
 * the database is chosen from {@code schema-h2.sql}, {@code schema-postgresql.sql} and
 * {@code schema-mysql.sql} (also used for MariaDB); each creates only what is missing, so running it
 * again is harmless.
 * <p>
 * A database that still has the single-table layout of earlier versions ({@code wx_user}) and no
 * identities yet gets its users copied into the new tables with their ids, in one transaction (see
 * {@link WxUserTableMigration}). A {@code wx_account} table made before tenants is upgraded in place, its
 * accounts joining the default tenant, and one made before timed bans gets the columns of a ban's end and
 * reason (see {@link WxAccountColumnMigration}).
 */
public class WxUserSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	private static final String SCHEMA_LOCATION = "classpath:io/github/wxlogin/user/schema-@@platform@@.sql";

	private final DataSource dataSource;

	/**
	 * Create a new initializer of the user tables.
	 * @param dataSource the database that holds the tables
	 * @param mode when to create the tables: only on an embedded database, always, or never
	 */
	public WxUserSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode) {
		super(dataSource, SchemaScripts.settings(dataSource, mode, SCHEMA_LOCATION));
		this.dataSource = dataSource;
	}

	@Override
	public boolean initializeDatabase() {
		boolean initialized = super.initializeDatabase();
		if (initialized) {
			WxAccountColumnMigration.TENANT.migrateIfNeeded(this.dataSource);
			WxAccountColumnMigration.BAN.migrateIfNeeded(this.dataSource);
			new WxUserTableMigration(this.dataSource).migrateIfNeeded();
		}
		return initialized;
	}

}
