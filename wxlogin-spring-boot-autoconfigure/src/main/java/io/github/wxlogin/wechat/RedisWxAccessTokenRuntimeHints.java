package io.github.wxlogin.wechat;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The Lua scripts of {@link RedisWxAccessTokenProvider}, for applications compiled ahead of time (Spring AOT,
 * GraalVM native images): the provider reads them from the class path when it is created, which the AOT
 * engine cannot see.
 */
public final class RedisWxAccessTokenRuntimeHints implements RuntimeHintsRegistrar {

	/** Every script of the provider, as a class path pattern. */
	static final String SCRIPTS = "io/github/wxlogin/wechat/*.lua";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(SCRIPTS);
	}

}
