package io.github.wxlogin.session;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The Lua scripts of the Redis session stores ({@link RedisRefreshTokenStore} with its session index, and
 * {@link RedisTokenRevocationStore}), for applications compiled ahead of time (Spring AOT, GraalVM native
 * images): the stores read them from the class path when they are created, which the AOT engine cannot see.
 */
public final class RedisSessionStoreRuntimeHints implements RuntimeHintsRegistrar {

	/** Every script of the session stores, as a class path pattern. */
	static final String SCRIPTS = "io/github/wxlogin/session/*.lua";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(SCRIPTS);
	}

}
