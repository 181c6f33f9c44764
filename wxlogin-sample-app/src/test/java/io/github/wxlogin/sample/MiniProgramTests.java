package io.github.wxlogin.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs the mini program's own tests ({@code node --test miniprogram/test/*.test.js}) against this
 * application in demo mode, on the client package as {@code npm ci} installs it there, so that
 * {@code mvn verify} checks the mini program together with the back end.
 */
@DemoApplicationTest
class MiniProgramTests {

	private static final Path MINI_PROGRAM = Path.of("miniprogram");

	@LocalServerPort
	int port;

	@Test
	void theMiniProgramTestsPassAgainstTheRunningApplication() throws IOException, InterruptedException {
		NodeTests.requireNode();
		NodeTests.install(MINI_PROGRAM);
		NodeTests.run(MINI_PROGRAM.resolve("test"), Map.of("WXLOGIN_BASE_URL", "http://127.0.0.1:" + this.port));
	}

}
