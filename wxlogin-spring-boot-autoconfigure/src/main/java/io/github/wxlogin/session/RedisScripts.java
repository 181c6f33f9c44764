package io.github.wxlogin.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Reads the Lua scripts of this package's Redis stores, resources beside them
 * ({@code io/github/wxlogin/session/*.lua}, which {@link RedisSessionStoreRuntimeHints} keeps in applications
 * compiled ahead of time).
 * <p>
 * Each store reads its scripts once, when it is created, into scripts of their text: a script bound to its
 * resource instead would ask the class path whether the resource changed on every execution, and a script
 * missing from the class path fails the store's creation rather than its first use.
 */
final class RedisScripts {

	private RedisScripts() {
	}

	/**
	 * Read a script of this package.
	 * @param <T> the type of the script's reply
	 * @param name the file name of the script, such as {@code refresh-token-rotate.lua}
	 * @param resultType the type of the script's reply
	 * @return the script
	 * @throws IllegalStateException if the script cannot be read
	 */
	static <T> RedisScript<T> load(String name, Class<T> resultType) {
		ClassPathResource resource = new ClassPathResource(name, RedisScripts.class);
		try {
			return RedisScript.of(resource.getContentAsString(StandardCharsets.UTF_8), resultType);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the Redis script '" + resource.getPath()
					+ "': the starter's jar on the class path is incomplete or shadowed", ex);
		}
	}

}
