package io.github.wxlogin.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the mini program's own tests ({@code node --test miniprogram/test/*.test.js}) against this
 * application in demo mode, so that {@code mvn verify} checks the client together with the back end.
 */
@DemoApplicationTest
class MiniProgramTests {

	private static final Path TESTS = Path.of("miniprogram", "test");

	/**
	 * The oldest Node the tests run on: {@code node --test} with a list of files, {@code node:test},
	 * global {@code fetch} and {@code structuredClone} (Debian 12's {@code nodejs} is 18).
	 */
	static final int MINIMUM_NODE_MAJOR = 18;

	/** The tests take seconds; a run still going after this has hung. */
	private static final Duration HANG_GUARD = Duration.ofSeconds(120);

	@LocalServerPort
	int port;

	@Test
	void theMiniProgramTestsPassAgainstTheRunningApplication() throws IOException, InterruptedException {
		int major = nodeMajorVersion();
		RequiredTool.require(major >= MINIMUM_NODE_MAJOR, "Node.js " + MINIMUM_NODE_MAJOR + " or later (node)",
				(major < 0) ? "no node found" : "found Node " + major);
		List<String> command = new ArrayList<>(List.of("node", "--test"));
		command.addAll(testFiles());
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("WXLOGIN_BASE_URL", "http://127.0.0.1:" + this.port);
		BoundedProcess.Result run = BoundedProcess.run(builder, HANG_GUARD);
		System.out.println(run.output());
		assertThat(run.exitCode()).as("exit code of node --test; its report:%n%s", run.output()).isZero();
	}

	private static List<String> testFiles() throws IOException {
		try (Stream<Path> files = Files.list(TESTS)) {
			List<String> tests = files.map(Path::toString)
				.filter((name) -> name.endsWith(".test.js"))
				.sorted()
				.toList();
			assertThat(tests).as("tests in %s", TESTS.toAbsolutePath()).isNotEmpty();
			return tests.stream().map((name) -> name.replace(File.separatorChar, '/')).toList();
		}
	}

	/**
	 * The major version {@code node --version} reports, or -1 without a node that answers.
	 */
	private static int nodeMajorVersion() throws InterruptedException {
		try {
			return majorVersion(BoundedProcess.run(new ProcessBuilder("node", "--version"), HANG_GUARD).output());
		}
		catch (IOException ex) {
			return -1;
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
