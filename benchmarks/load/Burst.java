import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A burst: every login sent at the same instant, not a sustained load. One platform thread per request
 * builds its request (a login code of its own from a codes file, one a line), then all wait on one start
 * latch; when every thread is waiting (and, with {@code --ready=URL}, as soon as a GET of that URL first
 * answers 200) the latch opens and each sends its {@code POST {"code":...}} with Java's {@link HttpClient}
 * (HTTP/1.1, a connection each). A request's latency runs from the latch's opening to its reply, so it
 * includes the wait for a connection, a thread and the stores: what the user of a burst sees.
 *
 * <pre>java Burst.java [--ready=URL] [--timeout=SECONDS] URL CODES_FILE...</pre>
 *
 * Every file's codes go out in the same burst; one line per file:
 * {@code FILE statuses=200:500 codes=- users=500 p50_ms=.. p99_ms=.. max_ms=.. wall_ms=..}, where
 * {@code statuses} counts the replies by status ({@code timeout} and {@code error} for no reply),
 * {@code codes} the {@code code} of the non-200 problem replies (e.g. {@code 503/store_unavailable:42}), or
 * the exception of a request that had no reply ({@code error/IOException(...)}),
 * {@code users} the distinct {@code user.id}s of the 200 replies (of a login; {@code -} for the relay) and
 * {@code wall_ms} the time from the latch's opening to the file's last reply. With {@code --ready}, a first
 * line {@code ready_ms=..}: from the first GET of the URL to its first 200.
 */
public class Burst {

	private static final Pattern PROBLEM_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]*)\"");

	private static final Pattern USER_ID = Pattern.compile("\"user\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]*)\"");

	record Reply(String status, String code, String userId, long nanos, long endedAt) {
	}

	public static void main(String[] args) throws Exception {
		URI ready = null;
		Duration timeout = Duration.ofSeconds(60);
		List<String> positional = new ArrayList<>();
		for (String arg : args) {
			if (arg.startsWith("--ready=")) {
				ready = URI.create(arg.substring("--ready=".length()));
			}
			else if (arg.startsWith("--timeout=")) {
				timeout = Duration.ofSeconds(Long.parseLong(arg.substring("--timeout=".length())));
			}
			else {
				positional.add(arg);
			}
		}
		URI url = URI.create(positional.get(0));
		List<String> files = positional.subList(1, positional.size());
		List<String> codes = new ArrayList<>();
		List<Integer> groupEnds = new ArrayList<>();
		for (String file : files) {
			Files.readAllLines(Path.of(file)).stream().filter(line -> !line.isBlank()).forEach(codes::add);
			groupEnds.add(codes.size());
		}
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(timeout).build();
		int count = codes.size();
		Reply[] replies = new Reply[count];
		CountDownLatch waiting = new CountDownLatch(count);
		CountDownLatch start = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(count);
		long[] startedAt = new long[1];
		List<Thread> threads = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int index = i;
			HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + codes.get(i) + "\"}")).build();
			Thread thread = new Thread(() -> {
				waiting.countDown();
				try {
					start.await();
					replies[index] = send(client, request, startedAt[0]);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					done.countDown();
				}
			}, "burst-" + i);
			thread.start();
			threads.add(thread);
		}
		waiting.await();
		Thread.sleep(200); // every thread parked on the latch, not just past countDown()
		if (ready != null) {
			long polling = System.nanoTime();
			awaitReady(ready);
			System.out.println("ready_ms=" + (System.nanoTime() - polling) / 1_000_000);
		}
		startedAt[0] = System.nanoTime();
		start.countDown();
		done.await();
		int from = 0;
		for (int i = 0; i < files.size(); i++) {
			Reply[] group = Arrays.copyOfRange(replies, from, groupEnds.get(i));
			System.out.println(files.get(i) + " " + summary(group, startedAt[0]));
			from = groupEnds.get(i);
		}
	}

	// GET the URL every 10 ms until it answers 200 (a refused connection: not yet listening); 180 s at most
	private static void awaitReady(URI url) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build();
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (true) {
			if (System.nanoTime() > deadline) {
				System.out.println("never_ready " + url);
				System.exit(1);
			}
			try {
				if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (java.io.IOException ex) {
				// not listening yet
			}
			Thread.sleep(10);
		}
	}

	private static Reply send(HttpClient client, HttpRequest request, long startedAt) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			long now = System.nanoTime();
			String body = response.body();
			if (response.statusCode() == 200) {
				return new Reply("200", null, find(USER_ID, body), now - startedAt, now);
			}
			return new Reply(String.valueOf(response.statusCode()), find(PROBLEM_CODE, body), null, now - startedAt, now);
		}
		catch (java.net.http.HttpTimeoutException ex) {
			long now = System.nanoTime();
			return new Reply("timeout", null, null, now - startedAt, now);
		}
		catch (Exception ex) {
			long now = System.nanoTime();
			String message = String.valueOf(ex.getMessage()).replaceAll("[\\s,:]+", "_");
			return new Reply("error", ex.getClass().getSimpleName() + "(" + message + ")", null, now - startedAt, now);
		}
	}

	private static String find(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String summary(Reply[] replies, long startedAt) {
		Map<String, Integer> statuses = new TreeMap<>();
		Map<String, Integer> codes = new TreeMap<>();
		java.util.Set<String> users = new java.util.HashSet<>();
		long[] millis = new long[replies.length];
		long lastEnd = startedAt;
		for (int i = 0; i < replies.length; i++) {
			Reply reply = replies[i];
			statuses.merge(reply.status(), 1, Integer::sum);
			if (!"200".equals(reply.status())) {
				codes.merge(reply.status() + "/" + reply.code(), 1, Integer::sum);
			}
			if (reply.userId() != null) {
				users.add(reply.userId());
			}
			millis[i] = reply.nanos() / 1_000_000;
			lastEnd = Math.max(lastEnd, reply.endedAt());
		}
		Arrays.sort(millis);
		return "statuses=" + join(statuses) + " codes=" + (codes.isEmpty() ? "-" : join(codes)) + " users="
				+ (users.isEmpty() ? "-" : users.size()) + " p50_ms=" + percentile(millis, 50) + " p99_ms="
				+ percentile(millis, 99) + " max_ms=" + millis[millis.length - 1] + " wall_ms=" + (lastEnd - startedAt) / 1_000_000;
	}

	private static String join(Map<String, Integer> counts) {
		StringBuilder joined = new StringBuilder();
		counts.forEach((key, value) -> joined.append(joined.isEmpty() ? "" : ",").append(key).append(':').append(value));
		return joined.toString();
	}

	// the nearest-rank percentile
	private static long percentile(long[] sorted, int percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

}
