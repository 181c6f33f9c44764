package io.github.wxlogin.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.github.wxlogin.it.WxLoginClient.Reply;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random bodies and headers against every endpoint: whatever arrives, the answer is a 2xx or a 4xx
 * {@code problem+json}, never a 5xx, and a refused request leaves the stored user as it was. The seed is
 * fixed so that a failure can be replayed.
 */
class RequestFuzzIntegrationTests extends HostIntegrationTest {

	private static final long SEED = 20261125L;

	private static final int CASES_PER_ENDPOINT = 150;

	private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json;charset=UTF-8",
			"text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x",
			"application/json;charset=ISO-8859-1");

	private static final List<String[]> ENDPOINTS = List.<String[]>of(new String[] { "POST", "/wx/login", "open" },
			new String[] { "POST", "/wx/token/refresh", "open" }, new String[] { "POST", "/wx/phone", "bearer" },
			new String[] { "POST", "/wx/phone/decrypt", "bearer" }, new String[] { "PUT", "/wx/profile", "bearer" },
			new String[] { "POST", "/wx/profile/wechat", "bearer" }, new String[] { "POST", "/wx/logout", "none" });

	@TestFactory
	Stream<DynamicTest> randomRequestsNeverCauseA5xxOrChangeAStoredUserWhenRefused() {
		Random random = new Random(SEED);
		List<DynamicTest> tests = new ArrayList<>();
		for (String[] endpoint : ENDPOINTS) {
			for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
				byte[] body = randomBody(random);
				String contentType = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
				String bearerNoise = (random.nextInt(4) == 0) ? randomText(random, 200) : null;
				tests.add(DynamicTest.dynamicTest(endpoint[0] + " " + endpoint[1] + " #" + i,
						() -> check(endpoint, body, contentType, bearerNoise)));
			}
		}
		return tests.stream();
	}

	private String fuzzUserToken;

	private String fuzzUserToken() {
		if (this.fuzzUserToken == null) {
			this.fuzzUserToken = accessToken("openid-fuzz");
		}
		return this.fuzzUserToken;
	}

	private void check(String[] endpoint, byte[] body, String contentType, String bearerNoise) {
		String token = "bearer".equals(endpoint[2]) ? fuzzUserToken() : null;
		if (bearerNoise != null) {
			token = bearerNoise.replaceAll("[\\r\\n]", "");
		}
		String before = (token != null) ? this.client.get("/wx/me", fuzzUserToken()).body() : null;
		Reply reply;
		try {
			reply = this.client.raw(endpoint[0], endpoint[1], token, contentType, body);
		}
		catch (IllegalArgumentException ex) {
			// The client itself refuses a header it cannot send: nothing reached the server
			return;
		}
		int status = reply.status().value();
		assertThat(status).as("%s %s -> %s", endpoint[0], endpoint[1], reply.body()).isLessThan(500);
		if (status >= 400) {
			assertThat(reply.contentType()).as("%s: %s", contentType, reply.body()).startsWith("application/problem+json");
			assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at io.github");
			if (before != null) {
				String after = this.client.get("/wx/me", fuzzUserToken()).body();
				assertThat(after).isEqualTo(before);
			}
		}
	}

	private static byte[] randomBody(Random random) {
		return switch (random.nextInt(8)) {
			case 0 -> randomJson(random, 0).getBytes(StandardCharsets.UTF_8);
			case 1 -> ("{\"code\":" + randomJson(random, 0) + ",\"nickname\":" + randomJson(random, 0)
					+ ",\"encryptedData\":" + randomJson(random, 0) + ",\"iv\":" + randomJson(random, 0)
					+ ",\"rawData\":" + randomJson(random, 0) + ",\"signature\":" + randomJson(random, 0)
					+ ",\"refreshToken\":" + randomJson(random, 0) + ",\"avatarUrl\":" + randomJson(random, 0) + "}")
				.getBytes(StandardCharsets.UTF_8);
			case 2 -> deepNesting(random);
			case 3 -> invalidUtf8(random);
			case 4 -> ("{\"code\":\"" + "界".repeat(random.nextInt(6000)) + "\"}").getBytes(StandardCharsets.UTF_8);
			case 5 -> ("{\"nickname\":\"" + controlCharacters(random) + "\",\"code\":\"" + controlCharacters(random)
					+ "\"}").getBytes(StandardCharsets.UTF_8);
			case 6 -> randomBytes(random);
			default -> new byte[0];
		};
	}

	private static String randomJson(Random random, int depth) {
		int kind = (depth > 3) ? random.nextInt(5) : random.nextInt(7);
		return switch (kind) {
			case 0 -> "null";
			case 1 -> Boolean.toString(random.nextBoolean());
			case 2 -> Long.toString(random.nextLong());
			case 3 -> Double.toString(random.nextDouble() * 1e300);
			case 4 -> "\"" + randomText(random, 600).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
			case 5 -> "[" + randomJson(random, depth + 1) + "," + randomJson(random, depth + 1) + "]";
			default -> "{\"" + randomText(random, 8).replace("\\", "").replace("\"", "") + "\":"
					+ randomJson(random, depth + 1) + "}";
		};
	}

	private static String randomText(Random random, int maxLength) {
		int length = random.nextInt(maxLength + 1);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(switch (random.nextInt(4)) {
				case 0 -> 0x20 + random.nextInt(0x5f);
				case 1 -> 0x4e00 + random.nextInt(0x5000);
				case 2 -> 0x1f600 + random.nextInt(0x50);
				default -> random.nextInt(0x20);
			});
		}
		return text.toString().replaceAll("[\\x00-\\x1f]", " ");
	}

	private static String controlCharacters(Random random) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 1 + random.nextInt(10); i++) {
			text.append(String.format("\\u%04x", random.nextInt(0x20)));
		}
		return "nick" + text;
	}

	private static byte[] deepNesting(Random random) {
		int depth = 1000 + random.nextInt(20000);
		return ("{\"code\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] invalidUtf8(Random random) {
		byte[] prefix = "{\"code\":\"".getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[prefix.length + 8 + 2];
		System.arraycopy(prefix, 0, body, 0, prefix.length);
		for (int i = prefix.length; i < prefix.length + 8; i++) {
			body[i] = (byte) (0x80 + random.nextInt(0x80));
		}
		body[body.length - 2] = '"';
		body[body.length - 1] = '}';
		return body;
	}

	private static byte[] randomBytes(Random random) {
		byte[] bytes = new byte[random.nextInt(4096)];
		random.nextBytes(bytes);
		return bytes;
	}

}
