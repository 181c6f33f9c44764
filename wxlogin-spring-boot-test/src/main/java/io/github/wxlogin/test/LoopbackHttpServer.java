package io.github.wxlogin.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on an ephemeral loopback port, with enough threads for hundreds of
 * concurrent slow calls.
 */
final class LoopbackHttpServer implements AutoCloseable {

	// a delayed reply holds its thread, so concurrent tests need many
	private static final int MAX_THREADS = 200;

	private static final int BACKLOG = 1024;

	private final HttpServer server;

	private final ExecutorService executor;

	private final AtomicBoolean closed = new AtomicBoolean();

	private LoopbackHttpServer(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	static LoopbackHttpServer start(HttpHandler handler) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
			ExecutorService executor = newExecutor();
			server.createContext("/", handler);
			server.setExecutor(executor);
			server.start();
			return new LoopbackHttpServer(server, executor);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the fake WeChat server", ex);
		}
	}

	/**
	 * Return the root URL of the server.
	 * @return the URL, such as {@code http://127.0.0.1:54321}
	 */
	String baseUrl() {
		InetSocketAddress address = this.server.getAddress();
		return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
	}

	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.server.stop(0);
			this.executor.shutdownNow();
		}
	}

	private static ExecutorService newExecutor() {
		AtomicInteger threadNumber = new AtomicInteger();
		ThreadPoolExecutor executor = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, "fake-wechat-" + threadNumber.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		// idle threads end, so a server kept for a whole test run costs nothing between calls
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

}
