package io.github.wxlogin.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs JavaScript tests with Node's test runner ({@code node --test}) against the running sample
 * application: the sample mini program's and the client package's.
 */
final class NodeTests {

	/**
	 * The oldest Node the tests run on: {@code node --test} with a list of files, {@code node:test},
	 * global {@code fetch} and {@code structuredClone} (Debian 12's {@code nodejs} is 18).
	 */
	static final int MINIMUM_NODE_MAJOR = 18;

	/** The tests take seconds, npm's install of a local folder less; a run still going after this has hung. */
	private static final Duration HANG_GUARD = Duration.ofSeconds(300);

	private NodeTests() {
	}

	/**
	 * Skip the test on a developer's machine without Node 18 or later and npm, fail it in CI.
	 */
	static void requireNode() throws InterruptedException {
		int major = majorVersion(output("node", "--version"));
		RequiredTool.require(major >= MINIMUM_NODE_MAJOR, "Node.js " + MINIMUM_NODE_MAJOR + " or later (node)",
				(major < 0) ? "no node found" : "found Node " + major);
		RequiredTool.require(!output("npm", "--version").isBlank(), "npm", "Debian's npm, or Node.js with its npm");
	}

	/**
	 * Install a folder's dependencies as its lock file says ({@code npm ci}, offline: they are local folders).
	 * @param folder the folder with {@code package.json} and {@code package-lock.json}
	 */
	static void install(Path folder) throws IOException, InterruptedException {
		ProcessBuilder npm = new ProcessBuilder("npm", "ci", "--offline", "--no-audit", "--no-fund").directory(folder.toFile());
		BoundedProcess.Result run = BoundedProcess.run(npm, HANG_GUARD);
		assertThat(run.exitCode()).as("exit code of npm ci in %s; its output:%n%s", folder.toAbsolutePath(), run.output())
			.isZero();
	}

	/**
	 * Run the {@code *.test.js} files of a folder, and fail the test when one fails.
	 * @param tests the folder of tests
	 * @param environment what the tests read: where the application answers, at least
	 */
	static void run(Path tests, Map<String, String> environment) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("node", "--test"));
		command.addAll(testFiles(tests));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(environment);
		BoundedProcess.Result run = BoundedProcess.run(builder, HANG_GUARD);
		System.out.println(run.output());
		assertThat(run.exitCode()).as("exit code of node --test; its report:%n%s", run.output()).isZero();
	}

	private static List<String> testFiles(Path tests) throws IOException {
		try (Stream<Path> files = Files.list(tests)) {
			List<String> found = files.map(Path::toString).filter((name) -> name.endsWith(".test.js")).sorted().toList();
			assertThat(found).as("tests in %s", tests.toAbsolutePath()).isNotEmpty();
			return found.stream().map((name) -> name.replace(File.separatorChar, '/')).toList();
		}
	}

	/**
	 * What a program prints, or nothing when there is no such program.
	 */
	private static String output(String... command) throws InterruptedException {
		try {
			return BoundedProcess.run(new ProcessBuilder(command), HANG_GUARD).output();
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * The major version in {@code node --version}'s answer: {@code v20.11.1} is 20.
	 * @param nodeVersion the answer
	 * @return the major version, or -1 when the answer is not a version
	 */
	static int majorVersion(String nodeVersion) {
		Matcher matcher = Pattern.compile("^v(\\d+)\\.").matcher(nodeVersion.trim());
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
	}

}
