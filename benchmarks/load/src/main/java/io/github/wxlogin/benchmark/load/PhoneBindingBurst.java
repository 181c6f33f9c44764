package io.github.wxlogin.benchmark.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.FakeWeChatServer;

/**
 * Many users bind their phone at the same moment on an instance that holds no WeChat access token yet:
 * logs the users in first, then sends every {@code POST /wx/phone} at once and counts how many
 * {@code stable_token} calls reached WeChat.
 */
final class PhoneBindingBurst {

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

	private static final int LOGIN_CONCURRENCY = 50;

	private final FakeWeChatServer wechat;

	private final URI app;

	private final int users;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	PhoneBindingBurst(FakeWeChatServer wechat, URI app, int users) {
		this.wechat = wechat;
		this.app = app;
		this.users = users;
	}

	String run() throws Exception {
		String prefix = "phone-" + System.nanoTime();
		String[] accessTokens = logInAll(prefix);
		int stableTokensBefore = this.wechat.callCount(Api.STABLE_TOKEN);
		List<HttpRequest> bindings = new ArrayList<>(this.users);
		for (int i = 0; i < this.users; i++) {
			String code = this.wechat.issuePhoneCode(String.format("139%08d", i), prefix + "-" + i);
			bindings.add(post("/wx/phone", "{\"code\":\"" + code + "\"}", accessTokens[i]));
		}
		long[] millis = new long[this.users];
		Map<Integer, Integer> statuses = new TreeMap<>();
		List<CompletableFuture<Void>> replies = new ArrayList<>(this.users);
		long start = System.nanoTime();
		for (int i = 0; i < this.users; i++) {
			int user = i;
			replies.add(this.http.sendAsync(bindings.get(i), HttpResponse.BodyHandlers.discarding())
				.handle((response, failure) -> {
					millis[user] = (System.nanoTime() - start) / 1_000_000;
					synchronized (statuses) {
						statuses.merge((response != null) ? response.statusCode() : -1, 1, Integer::sum);
					}
					return null;
				}));
		}
		CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).join();
		long wallMillis = (System.nanoTime() - start) / 1_000_000;
		Arrays.sort(millis);
		return "users=" + this.users + "\nstatuses=" + statuses + "\nstable_token_calls="
				+ (this.wechat.callCount(Api.STABLE_TOKEN) - stableTokensBefore) + "\nphone_number_calls="
				+ this.wechat.callCount(Api.PHONE_NUMBER) + "\nwall_ms=" + wallMillis + "\np50_ms="
				+ millis[this.users / 2] + "\np99_ms=" + millis[(int) (this.users * 0.99) - 1] + "\nmax_ms="
				+ millis[this.users - 1] + "\n";
	}

	private String[] logInAll(String prefix) throws InterruptedException {
		String[] accessTokens = new String[this.users];
		ExecutorService pool = Executors.newFixedThreadPool(LOGIN_CONCURRENCY);
		for (int i = 0; i < this.users; i++) {
			int user = i;
			pool.execute(() -> accessTokens[user] = accessToken(this.wechat.issueLoginCode(prefix + "-" + user)));
		}
		pool.shutdown();
		pool.awaitTermination(5, TimeUnit.MINUTES);
		return accessTokens;
	}

	private String accessToken(String code) {
		try {
			String body = this.http.send(post("/wx/login", "{\"code\":\"" + code + "\"}", null),
					HttpResponse.BodyHandlers.ofString()).body();
			Matcher token = ACCESS_TOKEN.matcher(body);
			if (!token.find()) {
				throw new IllegalStateException("login failed: " + body);
			}
			return token.group(1);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest post(String path, String json, String accessToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.app.resolve(path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (accessToken != null) {
			request.header("Authorization", "Bearer " + accessToken);
		}
		return request.build();
	}

}
