package io.github.wxlogin.benchmark.load;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.FakeWeChatServer;

/**
 * Runs the fake WeChat server in a process of its own, next to the sample app under load, and serves a
 * control port on loopback for the load script: WeChat's latency, its call counts, login and phone
 * codes in bulk, mini programs added in bulk, and the phone-binding burst.
 * <ul>
 * <li>{@code POST /apps}, a body of lines {@code appid secret}: the fake hosts these mini programs too.</li>
 * <li>{@code POST /login-codes?prefix=P&count=N}: N codes of the users {@code P-0} ... {@code P-(N-1)}, one
 * a line, of the primary mini program; with a body of AppIDs (one a line), user {@code P-i} is a user of
 * the (i mod k)-th of those k mini programs and each line is {@code code appid}.</li>
 * <li>{@code POST /phone-users?prefix=P&count=N}, a body of AppIDs: for each user {@code P-i} of the (i mod
 * k)-th of those mini programs, a line {@code login-code phone-code appid}, the phone code of a number of
 * its own ({@code 138} and i in 8 digits) for that user.</li>
 * </ul>
 * <p>
 * Arguments: the AppID, the AppSecret, and a file to write the two URLs to
 * ({@code fake=...} and {@code control=...}, one a line) once both listen.
 */
public final class FakeWeChatLauncher {

	/**
	 * Threads of the fake's pool. It has 200, and a delayed reply holds its thread, so 500 concurrent
	 * logins at 200 ms would measure the fake's pool rather than the application.
	 */
	private static final int FAKE_THREADS = 2000;

	private final FakeWeChatServer wechat;

	private FakeWeChatLauncher(FakeWeChatServer wechat) {
		this.wechat = wechat;
	}

	public static void main(String[] args) throws Exception {
		FakeWeChatServer wechat = FakeWeChatServer.start(args[0], args[1]);
		widenThreadPool(wechat);
		HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		control.createContext("/", new FakeWeChatLauncher(wechat)::handle);
		control.setExecutor(Executors.newFixedThreadPool(4));
		control.start();
		String urls = "fake=" + wechat.baseUrl() + "\ncontrol=http://127.0.0.1:" + control.getAddress().getPort()
				+ "\n";
		Path ready = Path.of(args[2]);
		Path partial = ready.resolveSibling(ready.getFileName() + ".partial");
		Files.writeString(partial, urls);
		Files.move(partial, ready);
		new CountDownLatch(1).await(); // until the script kills this process
	}

	private static void widenThreadPool(FakeWeChatServer wechat) throws ReflectiveOperationException {
		Object loopbackServer = field(wechat, "server");
		ThreadPoolExecutor executor = (ThreadPoolExecutor) field(loopbackServer, "executor");
		executor.setMaximumPoolSize(FAKE_THREADS);
		executor.setCorePoolSize(FAKE_THREADS);
	}

	private static Object field(Object owner, String name) throws ReflectiveOperationException {
		Field field = owner.getClass().getDeclaredField(name);
		field.setAccessible(true);
		return field.get(owner);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Map<String, String> query = query(exchange.getRequestURI());
			String reply = switch (exchange.getRequestURI().getPath()) {
				case "/calls" -> callCounts();
				case "/reset-counts" -> {
					this.wechat.resetCounts();
					yield "ok\n";
				}
				case "/latency" -> {
					this.wechat.latency(Duration.ofMillis(Long.parseLong(query.get("ms"))));
					yield "ok\n";
				}
				case "/apps" -> addApps(body(exchange));
				case "/phone-users" -> phoneUsers(query.get("prefix"), Integer.parseInt(query.get("count")),
						body(exchange));
				case "/login-codes" -> loginCodes(query.get("prefix"), Integer.parseInt(query.get("count")),
						body(exchange));
				case "/phone-bindings" -> new PhoneBindingBurst(this.wechat, URI.create(query.get("app")),
						Integer.parseInt(query.get("users")))
					.run();
				default -> null;
			};
			byte[] body = ((reply != null) ? reply : "not found\n").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
			exchange.sendResponseHeaders((reply != null) ? 200 : 404, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		catch (Exception ex) {
			ex.printStackTrace();
			throw (ex instanceof IOException io) ? io : new IOException(ex);
		}
	}

	private String callCounts() {
		StringBuilder counts = new StringBuilder();
		for (Api api : Api.values()) {
			counts.append(api.name().toLowerCase()).append('=').append(this.wechat.callCount(api)).append('\n');
		}
		return counts.toString();
	}

	private String addApps(List<String> lines) {
		for (String line : lines) {
			String[] fields = line.split(" ");
			this.wechat.addApp(fields[0], fields[1]);
		}
		return "added=" + lines.size() + "\n";
	}

	// Without AppIDs, the primary app's codes as before; with them, spread round-robin, each with its AppID
	private String loginCodes(String prefix, int count, List<String> appids) {
		StringBuilder codes = new StringBuilder(count * 60);
		for (int i = 0; i < count; i++) {
			if (appids.isEmpty()) {
				codes.append(this.wechat.issueLoginCode(prefix + "-" + i)).append('\n');
			}
			else {
				String appid = appids.get(i % appids.size());
				codes.append(this.wechat.issueLoginCode(appid, prefix + "-" + i, null)).append(' ').append(appid)
					.append('\n');
			}
		}
		return codes.toString();
	}

	private String phoneUsers(String prefix, int count, List<String> appids) {
		StringBuilder lines = new StringBuilder(count * 100);
		for (int i = 0; i < count; i++) {
			String appid = appids.get(i % appids.size());
			String openid = prefix + "-" + i;
			lines.append(this.wechat.issueLoginCode(appid, openid, null)).append(' ')
				.append(this.wechat.issuePhoneCode(appid, "138%08d".formatted(i), openid)).append(' ')
				.append(appid).append('\n');
		}
		return lines.toString();
	}

	// The request's body, its non-blank lines
	private static List<String> body(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		return body.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> parameters = new HashMap<>();
		if (uri.getQuery() != null) {
			for (String pair : uri.getQuery().split("&")) {
				int equals = pair.indexOf('=');
				parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
		}
		return parameters;
	}

}
