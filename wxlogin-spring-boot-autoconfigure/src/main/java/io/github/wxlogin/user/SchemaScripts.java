package io.github.wxlogin.user;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;

/**
 * The settings that run one of the starter's schema scripts: the one of the database's platform
 * ({@code h2}, {@code postgresql}, or {@code mysql} for MySQL and MariaDB alike), when the mode says so.
 */
public final class SchemaScripts {

	private SchemaScripts() {
	}

	/**
	 * Return the settings of a script.
	 * @param dataSource the database the script runs on
	 * @param mode when it runs: only on an embedded database, always, or never
	 * @param location the script's location, with {@code @@platform@@} where the platform goes
	 * @return the settings
	 */
	public static DatabaseInitializationSettings settings(DataSource dataSource, DatabaseInitializationMode mode,
			String location) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setMode(mode);
		settings.setSchemaLocations(locations(dataSource, mode, location));
		return settings;
	}

	// Resolved only when the script will run, so that a database without a script of ours (or unreachable at
	// start-up, or whose tables are managed elsewhere) does not fail an application that never asked for them
	private static List<String> locations(DataSource dataSource, DatabaseInitializationMode mode, String location) {
		boolean willRun = switch (mode) {
			case ALWAYS -> true;
			case EMBEDDED -> EmbeddedDatabaseConnection.isEmbedded(dataSource);
			case NEVER -> false;
		};
		if (!willRun) {
			return List.of();
		}
		return new PlatformPlaceholderDatabaseDriverResolver().withDriverPlatform(DatabaseDriver.MARIADB, "mysql")
			.resolveAll(dataSource, location);
	}

}
