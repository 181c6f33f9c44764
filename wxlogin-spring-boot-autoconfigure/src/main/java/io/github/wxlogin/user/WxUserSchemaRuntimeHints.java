package io.github.wxlogin.user;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The SQL scripts of the JDBC user store, for applications compiled ahead of time (Spring AOT, GraalVM
 * native images): {@link WxUserSchemaInitializer} picks its script by the database's name at run time
 * ({@code schema-@@platform@@.sql}), {@link WxAccountColumnMigration} likewise
 * ({@code migrate-tenant-@@platform@@.sql}, {@code migrate-ban-@@platform@@.sql}) and {@link WxUserTableMigration} reads
 * {@code migrate-wx_user.sql}, none of which the AOT engine can see.
 */
public final class WxUserSchemaRuntimeHints implements RuntimeHintsRegistrar {

	/** Every script of the user store, as a class path pattern. */
	static final String SCRIPTS = "io/github/wxlogin/user/*.sql";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(SCRIPTS);
	}

}
