package io.github.wxlogin.wechat;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line of WeChat calls, over real HTTP with the JDK client the starter uses by default: a burst shares
 * a few connections, a WeChat that does not answer refuses the calls waiting behind it at once, and one
 * failed call among answered ones, or a dropped connection, does not.
 */
class WxApiCallQueueTests {

	/** Long enough never to be reached by a test that expects the line to move. */
	private static final Duration LONG = Duration.ofSeconds(30);

	private static final String OK = "{\"errcode\":0}";

	private final ExecutorService callers = Executors.newFixedThreadPool(100);

	private final List<AutoCloseable> servers = new ArrayList<>();

	@AfterEach
	void stop() throws Exception {
		this.callers.shutdownNow();
		for (AutoCloseable server : this.servers) {
			server.close();
		}
	}

	@Test
	void aBurstOfCallsSharesAsManyConnectionsAsTheLineAllows() throws Exception {
		Set<Integer> connections = ConcurrentHashMap.newKeySet();
		String url = answering((port) -> connections.add(port));
		RestClient wechat = client(url, new WxApiCallQueue(4, LONG, LONG), LONG);
		List<Future<String>> calls = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			calls.add(this.callers.submit(() -> post(wechat, "/sns/jscode2session")));
		}
		for (Future<String> call : calls) {
			assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(OK);
		}
		// each client port is one connection: at most one per turn, reused by the calls that follow
		assertThat(connections).hasSizeBetween(1, 4);
	}

	@Test
	void callsWaitingBehindOneThatGotNoAnswerInTimeAreRefusedWithoutTryingThemselves() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Set<Socket> accepted = ConcurrentHashMap.newKeySet();
			this.callers.execute(() -> acceptForever(silent, accepted));
			WxApiCallQueue queue = new WxApiCallQueue(1, LONG, LONG);
			// long enough for the others to line up behind the first call before it times out
			RestClient wechat = client("http://127.0.0.1:" + silent.getLocalPort(), queue, Duration.ofSeconds(3));
			List<Future<?>> calls = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				calls.add(this.callers.submit(() -> post(wechat, "/wxa/business/getuserphonenumber")));
			}
			waitUntil(() -> queue.waiting() == 3 && accepted.size() == 1);
			List<Throwable> failures = new ArrayList<>();
			for (Future<?> call : calls) {
				failures.add(failure(call));
			}
			assertThat(failures).filteredOn(HttpTimeoutException.class::isInstance).hasSize(1);
			assertThat(failures).filteredOn(WxApiCallQueue.NoTurnException.class::isInstance).hasSize(3);
			// only the call that had the turn ever reached the server
			assertThat(accepted).hasSize(1);
		}
	}

	@Test
	void aConnectionDroppedOnTheWayLetsTheCallsWaitingBehindItTryThemselves() throws Exception {
		CountDownLatch dropping = new CountDownLatch(1);
		CountDownLatch dropNow = new CountDownLatch(1);
		try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			this.callers.execute(() -> serveDroppingTheFirst(server, dropping, dropNow));
			WxApiCallQueue queue = new WxApiCallQueue(1, LONG, LONG);
			RestClient wechat = client("http://127.0.0.1:" + server.getLocalPort(), queue, LONG);
			Future<?> dropped = this.callers.submit(() -> post(wechat, "/sns/jscode2session"));
			assertThat(dropping.await(20, TimeUnit.SECONDS)).isTrue();
			List<Future<String>> calls = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				calls.add(this.callers.submit(() -> post(wechat, "/sns/jscode2session")));
			}
			waitUntil(() -> queue.waiting() == 3);
			dropNow.countDown();
			assertThat(failure(dropped)).isInstanceOf(IOException.class)
				.isNotInstanceOf(WxApiCallQueue.NoTurnException.class);
			for (Future<String> call : calls) {
				assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(OK);
			}
		}
	}

	@Test
	void oneCallTimingOutWhileOthersAreAnsweredLetsTheLineMoveOn() throws Exception {
		String url = answering((port) -> {
		});
		RestClient wechat = client(url, new WxApiCallQueue(2, LONG, LONG), Duration.ofSeconds(1));
		Future<?> stuck = this.callers.submit(() -> post(wechat, "/hang"));
		List<Future<String>> calls = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			// one turn left for these, 200 ms each: most of them wait when the stuck one times out
			calls.add(this.callers.submit(() -> post(wechat, "/slow")));
		}
		assertThat(failure(stuck)).isNotInstanceOf(WxApiCallQueue.NoTurnException.class);
		for (Future<String> call : calls) {
			assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(OK);
		}
	}

	private static String post(RestClient wechat, String path) {
		return wechat.post().uri(path).body("{}").retrieve().body(String.class);
	}

	private static void waitUntil(BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("calls in line").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	private static Throwable failure(Future<?> call) throws InterruptedException {
		try {
			call.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			assertThat(ex.getCause()).isInstanceOf(ResourceAccessException.class);
			return ex.getCause().getCause();
		}
		catch (TimeoutException ex) {
			throw new AssertionError("the call neither ended nor failed", ex);
		}
		throw new AssertionError("the call succeeded");
	}

	/**
	 * Answer every call on a connection of its own, but hold the first one and then close it without a reply
	 * when told to.
	 */
	private void serveDroppingTheFirst(ServerSocket server, CountDownLatch dropping, CountDownLatch dropNow) {
		try {
			Socket first = server.accept();
			this.callers.execute(() -> {
				try (first) {
					readRequest(first);
					dropping.countDown();
					dropNow.await();
				}
				catch (IOException | InterruptedException ex) {
					// the test is over
				}
			});
			while (true) {
				Socket next = server.accept();
				this.callers.execute(() -> {
					try (next) {
						readRequest(next);
						byte[] reply = OK.getBytes(StandardCharsets.UTF_8);
						OutputStream out = next.getOutputStream();
						out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: "
								+ reply.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
						out.write(reply);
						out.flush();
					}
					catch (IOException ex) {
						// the test is over
					}
				});
			}
		}
		catch (IOException ex) {
			// closed at the end of the test
		}
	}

	/** Read a request's head and its body of {@code Content-Length} bytes. */
	private static void readRequest(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int next = in.read();
			if (next < 0) {
				throw new EOFException();
			}
			head.append((char) next);
		}
		Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
		in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
	}

	private static void acceptForever(ServerSocket server, Set<Socket> accepted) {
		try {
			while (true) {
				accepted.add(server.accept());
			}
		}
		catch (IOException ex) {
			// closed at the end of the test
		}
	}

	/**
	 * A server that answers every call after a little while ({@code /slow} after 200 ms, {@code /hang} after a
	 * minute), telling each call's client port.
	 */
	private String answering(IntConsumer clientPort) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
		ExecutorService threads = Executors.newFixedThreadPool(16);
		server.setExecutor(threads);
		server.createContext("/", (exchange) -> {
			clientPort.accept(exchange.getRemoteAddress().getPort());
			try {
				Thread.sleep(switch (exchange.getRequestURI().getPath()) {
					case "/hang" -> 60_000;
					case "/slow" -> 200;
					default -> 5;
				});
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] reply = OK.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/plain");
			exchange.sendResponseHeaders(200, reply.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(reply);
			}
		});
		server.start();
		this.servers.add(() -> {
			server.stop(0);
			threads.shutdownNow();
		});
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private static RestClient client(String url, WxApiCallQueue queue, Duration readTimeout) {
		JdkClientHttpRequestFactory jdk = new JdkClientHttpRequestFactory();
		jdk.setReadTimeout(readTimeout);
		return RestClient.builder()
			.baseUrl(url)
			.requestFactory(new BufferingClientHttpRequestFactory(jdk))
			.requestInterceptor(queue)
			.build();
	}

}
