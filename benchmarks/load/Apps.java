import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The helper of {@code apps.sh}, one request after the other on one HTTP/1.1 connection:
 *
 * <pre>
 * java Apps.java ready URL                       GET URL every 10 ms until it answers 200; prints ready_epoch_ms=..
 * java Apps.java register URL USER:PASSWORD FILE  POST {"appid","secret","tenant"} to the wxapps endpoint, a
 *                                                line "appid secret tenant" of FILE each, with HTTP Basic
 * java Apps.java logins URL FILE                  POST {"code","appid"} to URL, a line "code appid" of FILE each
 * java Apps.java phones APP FILE                  for each line "login-code phone-code appid" of FILE, a login
 *                                                (POST APP/wx/login) and with its access token a phone binding
 *                                                (POST APP/wx/phone {"code"}); counts the bindings' replies
 * </pre>
 *
 * The last two print {@code statuses=201:1000 ms=..}: the replies counted by status (the first refusal's
 * body follows, so that a failed registration says why) and the time they took.
 */
public class Apps {

	private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "ready" -> ready(URI.create(args[1]));
			case "register" -> send(URI.create(args[1]), args[2], Path.of(args[3]), (fields) ->
					"{\"appid\":\"" + fields[0] + "\",\"secret\":\"" + fields[1] + "\",\"tenant\":\"" + fields[2] + "\"}");
			case "logins" -> send(URI.create(args[1]), null, Path.of(args[2]), (fields) ->
					"{\"code\":\"" + fields[0] + "\",\"appid\":\"" + fields[1] + "\"}");
			case "phones" -> phones(args[1], Path.of(args[2]));
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	// a refused connection: not listening yet; 180 s at most
	private static void ready(URI url) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build();
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					System.out.println("ready_epoch_ms=" + System.currentTimeMillis());
					return;
				}
			}
			catch (java.io.IOException ex) {
				// not listening yet
			}
			Thread.sleep(10);
		}
		System.out.println("never_ready " + url);
		System.exit(1);
	}

	private static void phones(String app, Path file) throws Exception {
		Map<Integer, Integer> statuses = new TreeMap<>();
		String firstRefusal = null;
		long started = System.nanoTime();
		for (String line : Files.readAllLines(file).stream().filter((line) -> !line.isBlank()).toList()) {
			String[] fields = line.strip().split(" ");
			HttpResponse<String> login = post(app + "/wx/login",
					"{\"code\":\"" + fields[0] + "\",\"appid\":\"" + fields[2] + "\"}", null);
			java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"")
				.matcher(login.body());
			HttpResponse<String> reply = token.find()
					? post(app + "/wx/phone", "{\"code\":\"" + fields[1] + "\"}", "Bearer " + token.group(1)) : login;
			statuses.merge(reply.statusCode(), 1, Integer::sum);
			if (reply.statusCode() >= 300 && firstRefusal == null) {
				firstRefusal = reply.body().replaceAll("\\s+", " ");
			}
		}
		print(statuses, started, firstRefusal);
	}

	private static HttpResponse<String> post(String url, String json, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void print(Map<Integer, Integer> statuses, long started, String firstRefusal) {
		StringBuilder counts = new StringBuilder();
		statuses.forEach((status, count) -> counts.append(counts.isEmpty() ? "" : ",").append(status).append(':').append(count));
		System.out.println("statuses=" + counts + " ms=" + (System.nanoTime() - started) / 1_000_000
				+ ((firstRefusal != null) ? " first_refusal=" + firstRefusal : ""));
	}

	interface Body {

		String of(String[] fields);

	}

	private static void send(URI url, String credentials, Path file, Body body) throws Exception {
		Map<Integer, Integer> statuses = new TreeMap<>();
		String firstRefusal = null;
		long started = System.nanoTime();
		List<String> lines = Files.readAllLines(file).stream().filter((line) -> !line.isBlank()).toList();
		for (String line : lines) {
			HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body.of(line.strip().split(" "))));
			if (credentials != null) {
				request.header("Authorization", "Basic "
						+ Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
			}
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			statuses.merge(response.statusCode(), 1, Integer::sum);
			if (response.statusCode() >= 300 && firstRefusal == null) {
				firstRefusal = response.body().replaceAll("\\s+", " ");
			}
		}
		print(statuses, started, firstRefusal);
	}

}
