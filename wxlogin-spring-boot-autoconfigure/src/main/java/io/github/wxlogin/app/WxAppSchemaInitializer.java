package io.github.wxlogin.app;

import javax.sql.DataSource;

import io.github.wxlogin.user.SchemaScripts;

import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * Creates the {@code wx_app} table of {@link JdbcWxAppRegistry} when the application starts, as the
 * account tables are created: the script matching the database is chosen from {@code schema-h2.sql},
 * {@code schema-postgresql.sql} and {@code schema-mysql.sql} (also used for MariaDB); each creates only
 * what is missing, so running it again is harmless.
 */
public class WxAppSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	private static final String SCHEMA_LOCATION = "classpath:io/github/wxlogin/app/schema-@@platform@@.sql";

	/**
	 * Create a new initializer of the app table.
	 * @param dataSource the database that holds the table
	 * @param mode when to create the table: only on an embedded database, always, or never
	 */
	public WxAppSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode) {
		super(dataSource, SchemaScripts.settings(dataSource, mode, SCHEMA_LOCATION));
	}

}
