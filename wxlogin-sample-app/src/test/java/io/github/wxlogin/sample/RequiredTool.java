package io.github.wxlogin.sample;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A program a test needs from the machine. Missing, it skips the test on a developer's machine and
 * fails it in CI, where a skipped test would hide that nothing was tested.
 */
final class RequiredTool {

	private RequiredTool() {
	}

	static void require(boolean present, String what, String howToInstall) {
		if (present) {
			return;
		}
		String message = what + " is not installed (" + howToInstall + ")";
		if (isCi(System.getenv("CI"))) {
			fail(message + "; CI must run this test");
		}
		Assumptions.abort(message + "; skipping");
	}

	static void requireExecutable(Path path, String howToInstall) {
		require(Files.isExecutable(path), path.toString(), howToInstall);
	}

	/**
	 * Whether the {@code CI} variable says this is a CI run: CI services set it to {@code true}, {@code 1}
	 * or their own name; unset, empty, {@code false} and {@code 0} mean a developer's machine.
	 * @param ci the variable's value
	 * @return whether tests run in CI
	 */
	static boolean isCi(String ci) {
		if (ci == null || ci.isBlank()) {
			return false;
		}
		String value = ci.trim();
		return !value.equalsIgnoreCase("false") && !value.equals("0");
	}

}
