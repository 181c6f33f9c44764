package io.github.wxlogin.outage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.wxlogin.redis.RedisBinaries;
import org.jspecify.annotations.Nullable;

/**
 * A redis-server process of the test's own, on a free loopback port and in a temporary directory, with
 * every write appended to its log before it is acknowledged, so that stopping and starting it again
 * loses nothing. Never the shared Redis on 6379.
 */
final class OwnRedisServer implements AutoCloseable {

	private final int port;

	private final Path directory;

	private @Nullable Process process;

	OwnRedisServer() {
		this.port = freePort();
		try {
			this.directory = Files.createTempDirectory("wxlogin-outage-redis");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// never leave the process behind, whatever happens to the test
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
	}

	int port() {
		return this.port;
	}

	synchronized void start() {
		if (this.process != null) {
			return;
		}
		try {
			this.process = new ProcessBuilder(List.of(RedisBinaries.redisServer(), "--port", Integer.toString(this.port), "--bind",
					"127.0.0.1", "--dir", this.directory.toString(), "--appendonly", "yes", "--appendfsync", "always",
					"--save", ""))
				.redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start redis-server (is it installed?)", ex);
		}
		awaitPing();
	}

	/** Stops the server as an operator would, with SIGTERM; its data stays in the append-only file. */
	synchronized void stop() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		running.destroy();
		try {
			running.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	@Override
	public void close() {
		stop();
	}

	private void awaitPing() {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
				byte[] reply = new byte[7];
				if (socket.getInputStream().read(reply) > 0
						&& new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new IllegalStateException("redis-server on port " + this.port + " did not start");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
