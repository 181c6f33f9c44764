package io.github.wxlogin.test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;

/**
 * Routes each call to its endpoint, after counting it, applying the latency and any
 * scheduled fault.
 */
final class WeChatRouter implements HttpHandler {

	private final Map<Api, WeChatEndpoint> endpoints;

	private final FaultSchedule faults = new FaultSchedule();

	private final CallCounts callCounts = new CallCounts();

	private final Map<Api, RecordedRequest> lastRequests = new ConcurrentHashMap<>();

	private final CallerIdentification callers;

	private volatile Duration latency = Duration.ZERO;

	private final SecuredApis securedApis;

	WeChatRouter(Map<Api, WeChatEndpoint> endpoints, CallerIdentification callers, SecuredApis securedApis) {
		this.endpoints = new EnumMap<>(endpoints);
		this.callers = callers;
		this.securedApis = securedApis;
	}

	FaultSchedule faults() {
		return this.faults;
	}

	void latency(Duration latency) {
		if (latency.isNegative()) {
			throw new IllegalArgumentException("latency must not be negative: " + latency);
		}
		this.latency = latency;
	}

	CallCounts callCounts() {
		return this.callCounts;
	}

	@Nullable RecordedRequest lastRequest(Api api) {
		return this.lastRequests.get(api);
	}

	void forgetRequests() {
		this.lastRequests.clear();
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			send(exchange, reply(exchange));
		}
		catch (InterruptedException ex) {
			// the server is closing
			Thread.currentThread().interrupt();
		}
	}

	private WeChatReply reply(HttpExchange exchange) throws IOException, InterruptedException {
		Api api = find(exchange.getRequestURI().getPath());
		WeChatRequest request = WeChatRequest.read(exchange);
		if (api == null) {
			return WeChatReply.notFound();
		}
		// the call takes its fault and latency first, then is counted (faulted calls count for their mini program
		// too), so that a call seen in the counts has taken the fault and latency meant for it
		Fault fault = this.faults.next(api);
		Duration latency = this.latency;
		this.callCounts.record(api, this.callers.appidOf(api, request));
		this.lastRequests.put(api, RecordedRequest.of(exchange.getRequestMethod(), exchange.getRequestHeaders()));
		Thread.sleep(latency.toMillis());
		WeChatEndpoint endpoint = this.endpoints.get(api);
		// a fault is WeChat failing before the security layer: its reply stays plain, as a 4023x error is
		String urlpath = "http://" + exchange.getRequestHeaders().getFirst("Host") + exchange.getRequestURI().getRawPath();
		Headers headers = exchange.getRequestHeaders();
		Supplier<WeChatReply> answer = () -> this.securedApis.answer(api, urlpath, headers, request,
				this.callers.appidOf(api, request), (opened) -> answer(endpoint, opened));
		return (fault != null) ? fault.reply(answer) : answer.get();
	}

	private static WeChatReply answer(WeChatEndpoint endpoint, WeChatRequest request) {
		try {
			return endpoint.answer(request).withContentType(endpoint.contentType());
		}
		catch (WeChatApiError ex) {
			return WeChatReply.error(ex.errcode()).withContentType(endpoint.contentType());
		}
		catch (RuntimeException ex) {
			// a bug of the fake must show in the test that hit it, not as a dropped connection
			return new WeChatReply(500, WeChatReply.TEXT, "fake WeChat server failed: " + ex);
		}
	}

	private static @Nullable Api find(String path) {
		for (Api api : Api.values()) {
			if (api.path().equals(path)) {
				return api;
			}
		}
		return null;
	}

	/**
	 * Tells which mini program a call was made for.
	 */
	@FunctionalInterface
	interface CallerIdentification {

		/**
		 * Return the AppID a call was made for.
		 * @param api the API called
		 * @param request the call
		 * @return the AppID, or {@code null} when the call names no mini program
		 */
		@Nullable String appidOf(Api api, WeChatRequest request);

	}

	private static void send(HttpExchange exchange, WeChatReply reply) throws IOException {
		byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", reply.contentType());
		reply.headers().forEach(exchange.getResponseHeaders()::set);
		exchange.sendResponseHeaders(reply.status(), (body.length > 0) ? body.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
