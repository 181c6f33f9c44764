package io.github.wxlogin.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.wxlogin.login.WxAccountManager;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.Fault;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs the client package's tests ({@code node --test} in {@code wxlogin-miniprogram-client/test}) against
 * this application in demo mode, with a test control on loopback for what no mini program can do: disable
 * an account, make WeChat fail for a moment.
 */
@DemoApplicationTest
class ClientPackageTests {

	private static final Path TESTS = Path.of("..", "wxlogin-miniprogram-client", "test");

	@LocalServerPort
	int port;

	@Autowired
	FakeWeChatServer wechat;

	@Autowired
	WxAccountManager accounts;

	@Test
	void theClientPackageTestsPassAgainstTheRunningApplication() throws IOException, InterruptedException {
		NodeTests.requireNode();
		HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		control.createContext("/disable", (exchange) -> answer(exchange, () -> this.accounts.disable(parameters(exchange).get("userId"))));
		control.createContext("/fail", (exchange) -> answer(exchange, () -> {
			Map<String, String> parameters = parameters(exchange);
			this.wechat.failNext(Api.CODE2SESSION, fault(parameters.get("fault")), Integer.parseInt(parameters.get("times")));
		}));
		control.createContext("/reset", (exchange) -> answer(exchange, this.wechat::reset));
		control.start();
		try {
			NodeTests.run(TESTS, Map.of("WXLOGIN_BASE_URL", "http://127.0.0.1:" + this.port, "WXLOGIN_CONTROL_URL",
					"http://127.0.0.1:" + control.getAddress().getPort()));
		}
		finally {
			control.stop(0);
			this.wechat.reset();
		}
	}

	private static Fault fault(String name) {
		if (name.equals("busy")) {
			return Fault.busy();
		}
		if (name.startsWith("errcode:")) {
			return Fault.errcode(Integer.parseInt(name.substring("errcode:".length())));
		}
		throw new IllegalArgumentException("Unknown fault " + name);
	}

	private static void answer(HttpExchange exchange, Runnable action) throws IOException {
		try {
			action.run();
			exchange.sendResponseHeaders(204, -1);
		}
		catch (RuntimeException ex) {
			byte[] message = String.valueOf(ex).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(500, message.length);
			exchange.getResponseBody().write(message);
		}
		finally {
			exchange.close();
		}
	}

	private static Map<String, String> parameters(HttpExchange exchange) {
		Map<String, String> parameters = new LinkedHashMap<>();
		String query = exchange.getRequestURI().getRawQuery();
		if (query != null) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

}
