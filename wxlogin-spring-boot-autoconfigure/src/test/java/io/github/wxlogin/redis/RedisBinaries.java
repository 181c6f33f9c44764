package io.github.wxlogin.redis;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Redis programs the tests start themselves, found on the {@code PATH}, with a failure that says what
 * to install when one is missing.
 */
public final class RedisBinaries {

	private RedisBinaries() {
	}

	/**
	 * Find {@code redis-server}.
	 * @return its path
	 * @throws AssertionError naming the package to install when it is not on the {@code PATH}
	 */
	public static String redisServer() {
		return find("redis-server");
	}

	/**
	 * Find {@code redis-cli}.
	 * @return its path
	 * @throws AssertionError naming the package to install when it is not on the {@code PATH}
	 */
	public static String redisCli() {
		return find("redis-cli");
	}

	private static String find(String program) {
		String path = System.getenv("PATH");
		if (path != null) {
			for (String directory : path.split(File.pathSeparator)) {
				Path candidate = Path.of(directory, program);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return candidate.toString();
				}
			}
		}
		throw new AssertionError(program + " is not on the PATH (" + path + "): the tests start their own Redis "
				+ "Cluster and Redis servers from it; install Redis 7 or later (Debian and Ubuntu: "
				+ "apt-get install redis-server; macOS: brew install redis)");
	}

}
