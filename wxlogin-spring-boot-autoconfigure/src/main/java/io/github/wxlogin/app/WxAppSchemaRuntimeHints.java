package io.github.wxlogin.app;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The SQL scripts of the JDBC app registry, for applications compiled ahead of time (Spring AOT, GraalVM
 * native images): {@link WxAppSchemaInitializer} picks its script by the database's name at run time
 * ({@code schema-@@platform@@.sql}), which the AOT engine cannot see.
 */
public final class WxAppSchemaRuntimeHints implements RuntimeHintsRegistrar {

	/** Every script of the app registry, as a class path pattern. */
	static final String SCRIPTS = "io/github/wxlogin/app/*.sql";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(SCRIPTS);
	}

}
