package io.github.wxlogin.sample;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A program a test needs from the machine. Missing, it skips the test on a developer's machine and
 * fails it in CI ({@code CI=true}), where a skipped test would hide that nothing was tested.
 */
final class RequiredTool {

	private RequiredTool() {
	}

	static void require(boolean present, String what, String howToInstall) {
		if (present) {
			return;
		}
		String message = what + " is not installed (" + howToInstall + ")";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			fail(message + "; CI must run this test");
		}
		Assumptions.abort(message + "; skipping");
	}

	static void requireExecutable(Path path, String howToInstall) {
		require(Files.isExecutable(path), path.toString(), howToInstall);
	}

}
