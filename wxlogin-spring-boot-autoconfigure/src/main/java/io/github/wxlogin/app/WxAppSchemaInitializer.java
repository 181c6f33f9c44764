package io.github.wxlogin.app;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;

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
		super(dataSource, settings(dataSource, mode));
	}

	private static DatabaseInitializationSettings settings(DataSource dataSource, DatabaseInitializationMode mode) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setMode(mode);
		settings.setSchemaLocations(schemaLocations(dataSource, mode));
		return settings;
	}

	// Resolved only when the script will run, so that a database reached later, or whose table is managed
	// elsewhere, does not fail start-up here
	private static List<String> schemaLocations(DataSource dataSource, DatabaseInitializationMode mode) {
		boolean willRun = switch (mode) {
			case ALWAYS -> true;
			case EMBEDDED -> EmbeddedDatabaseConnection.isEmbedded(dataSource);
			case NEVER -> false;
		};
		if (!willRun) {
			return List.of();
		}
		return new PlatformPlaceholderDatabaseDriverResolver().withDriverPlatform(DatabaseDriver.MARIADB, "mysql")
			.resolveAll(dataSource, SCHEMA_LOCATION);
	}

}
