package io.github.wxlogin.sample;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

	private static final long TIMEOUT_SECONDS = 120;

	@LocalServerPort
	int port;

	@Test
	void theMiniProgramTestsPassAgainstTheRunningApplication() throws IOException, InterruptedException {
		RequiredTool.require(nodeIsInstalled(), "Node.js (node)", "Node 20 or later");
		List<String> command = new ArrayList<>(List.of("node", "--test"));
		command.addAll(testFiles());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("WXLOGIN_BASE_URL", "http://127.0.0.1:" + this.port);
		Process node = builder.start();
		// Read while it runs, so that a full pipe cannot stall the tests
		byte[] output = node.getInputStream().readAllBytes();
		boolean finished = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		String report = new String(output, StandardCharsets.UTF_8);
		System.out.println(report);
		assertThat(finished).as("node --test finished within %d seconds", TIMEOUT_SECONDS).isTrue();
		assertThat(node.exitValue()).as("exit code of node --test; its report:%n%s", report).isZero();
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

	private static boolean nodeIsInstalled() {
		try {
			Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			version.getInputStream().readAllBytes();
			return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
