package io.github.wxlogin.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs a program for a test and fails the test when it has not finished in time, rather than stalling
 * the build: its output is read while it runs, and it is killed, with its children, when time is up.
 */
final class BoundedProcess {

	private BoundedProcess() {
	}

	/**
	 * Run a program to its end.
	 * @param builder the program, with its output merged into one stream
	 * @param timeout the longest it may run: a guard against a hung run, not a measure of speed
	 * @return its exit code and output
	 */
	static Result run(ProcessBuilder builder, Duration timeout) throws IOException, InterruptedException {
		Process process = builder.redirectErrorStream(true).start();
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		// a thread of its own: blocked in the pool, the read would hold back the application's HTTP client,
		// which on Java 25 completes its replies in the common pool (one thread on 2 cores)
		CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> copy(process.getInputStream(), output),
				BoundedProcess::startDaemon);
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly().waitFor();
			fail("%s did not finish within %s; its output so far:%n%s", builder.command(), timeout, text(output));
		}
		reading.join();
		return new Result(process.exitValue(), text(output));
	}

	private static void startDaemon(Runnable task) {
		Thread thread = new Thread(task, "bounded-process-output");
		thread.setDaemon(true);
		thread.start();
	}

	private static void copy(InputStream from, ByteArrayOutputStream to) {
		try (from) {
			byte[] buffer = new byte[8192];
			for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
				synchronized (to) {
					to.write(buffer, 0, read);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(ByteArrayOutputStream output) {
		synchronized (output) {
			return output.toString(StandardCharsets.UTF_8);
		}
	}

	/**
	 * How a program ended.
	 *
	 * @param exitCode its exit code
	 * @param output what it wrote to its standard output and error
	 */
	record Result(int exitCode, String output) {
	}

}
