package io.github.wxlogin.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A forward HTTP proxy on a loopback port that asks for Basic credentials, as an enterprise's egress
 * proxy does, forwards what it lets through and remembers every request it saw.
 */
final class LoopbackForwardProxy implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String expectedAuthorization;

	private final List<Seen> seen = new CopyOnWriteArrayList<>();

	LoopbackForwardProxy(String username, String password) throws IOException {
		this.expectedAuthorization = "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Return the requests seen, in order, including those refused for want of credentials.
	 * @return the requests
	 */
	List<Seen> seen() {
		return List.copyOf(this.seen);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			boolean authorized = this.expectedAuthorization
				.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"));
			this.seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI(), authorized));
			if (!authorized) {
				exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"egress\"");
				exchange.sendResponseHeaders(407, -1);
				return;
			}
			HttpResponse<byte[]> reply = forward(exchange, body);
			exchange.getResponseHeaders()
				.set("Content-Type", reply.headers().firstValue("Content-Type").orElse("application/octet-stream"));
			exchange.sendResponseHeaders(reply.statusCode(), (reply.body().length > 0) ? reply.body().length : -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(reply.body());
			}
		}
	}

	private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(exchange.getRequestURI())
			.method(exchange.getRequestMethod(), (body.length > 0) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		try {
			return this.upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * A request the proxy saw.
	 *
	 * @param method its method
	 * @param uri the absolute URI it asked for
	 * @param authorized whether it carried the proxy's credentials
	 */
	record Seen(String method, URI uri, boolean authorized) {
	}

}
