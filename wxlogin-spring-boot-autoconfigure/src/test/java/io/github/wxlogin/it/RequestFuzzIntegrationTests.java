package io.github.wxlogin.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.session.RefreshTokenGrant;
import io.github.wxlogin.session.RefreshTokenId;
import io.github.wxlogin.session.RefreshTokenStore;
import io.github.wxlogin.wechat.WxSessionKeyStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random bodies and headers against every endpoint: whatever arrives, the answer is a 2xx or a 4xx
 * {@code problem+json}, never a 5xx, and nothing stored changes unless the request was a valid one. Every
 * case sends its request and checks the reply; the run prints how many cases of each kind ran and fails if
 * any case ended without both. The seed is fixed so that a failure can be replayed.
 */
class RequestFuzzIntegrationTests extends HostIntegrationTest {

	private static final long SEED = 20261125L;

	private static final int CASES_PER_ENDPOINT = 150;

	private static final String FUZZ_OPENID = "openid-fuzz";

	private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json;charset=UTF-8",
			"text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x",
			"application/json;charset=ISO-8859-1");

	private static final List<Endpoint> ENDPOINTS = List.of(new Endpoint("POST", "/wx/login", false),
			new Endpoint("POST", "/wx/token/refresh", false), new Endpoint("POST", "/wx/phone", true),
			new Endpoint("POST", "/wx/phone/decrypt", true), new Endpoint("PUT", "/wx/profile", true),
			new Endpoint("POST", "/wx/profile/wechat", true), new Endpoint("POST", "/wx/logout", false));

	/** The one request a random body can make valid: the caller's own profile change. */
	private static final Endpoint PROFILE = ENDPOINTS.get(4);

	private static final Counts counts = new Counts();

	@Autowired
	WxSessionKeyStore sessionKeys;

	@Autowired
	RefreshTokenStore refreshTokens;

	private @Nullable Reply fuzzUserLogin;

	@TestFactory
	Stream<DynamicTest> randomRequestsNeverCauseA5xxOrChangeAnythingStoredWhenRefused() {
		Random random = new Random(SEED);
		List<DynamicTest> tests = new ArrayList<>();
		for (Endpoint endpoint : ENDPOINTS) {
			for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
				FuzzCase fuzz = randomCase(random, endpoint);
				counts.generated++;
				tests.add(DynamicTest.dynamicTest(endpoint + " #" + i + " " + fuzz.body() + " " + fuzz.bearer(),
						() -> check(fuzz)));
			}
		}
		return tests.stream();
	}

	@AfterAll
	static void everyCaseSentARequestAndCheckedItsReply() {
		System.out.println(counts);
		assertThat(counts.sent).as("cases that sent a request").isEqualTo(counts.generated);
		assertThat(counts.checked).as("cases that checked their reply").isEqualTo(counts.generated);
	}

	private void check(FuzzCase fuzz) {
		Stored before = stored();
		Reply reply = send(fuzz);
		counts.sent++;
		int status = reply.status().value();
		String request = fuzz.endpoint() + " (" + fuzz.contentType() + ", " + fuzz.body() + ", " + fuzz.bearer() + ")";
		assertThat(status).as("%s -> %s", request, reply.body()).isBetween(200, 499);
		Stored after = stored();
		if (status < 300) {
			assertThat(fuzz.endpoint()).as("only a profile change can be valid: %s -> %s", request, reply.body())
				.isEqualTo(PROFILE);
			assertThat(fuzz.bearer()).isEqualTo(Bearer.USER);
			// The reply is what was stored, and nothing but the profile changed
			assertThat(withoutIdentities(after.user())).isEqualTo(reply.json());
			assertThat(after.withoutProfile()).isEqualTo(before.withoutProfile());
		}
		else {
			assertThat(reply.contentType()).as("%s -> %s", request, reply.body())
				.startsWith("application/problem+json");
			assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at io.github");
			assertThat(after).as("what is stored after %s -> %s", request, reply.body()).isEqualTo(before);
		}
		counts.checked(fuzz, status);
	}

	private Reply send(FuzzCase fuzz) {
		String token = switch (fuzz.bearer()) {
			case NONE -> null;
			case USER -> fuzzUserLogin().text("accessToken");
			case ASCII_NOISE, UTF8_NOISE -> fuzz.noise();
		};
		if (fuzz.bearer() == Bearer.UTF8_NOISE) {
			return RawBytesHttp.send(this.port, fuzz.endpoint().method(), fuzz.endpoint().path(), token, fuzz.contentType(),
					fuzz.bytes());
		}
		return this.client.raw(fuzz.endpoint().method(), fuzz.endpoint().path(), token, fuzz.contentType(),
				fuzz.bytes());
	}

	private Reply fuzzUserLogin() {
		if (this.fuzzUserLogin == null) {
			this.fuzzUserLogin = login(FUZZ_OPENID);
		}
		return this.fuzzUserLogin;
	}

	/** The fuzz user as {@code /wx/me} shows it, the session key and the refresh token's grant. */
	private Stored stored() {
		Reply me = this.client.get("/wx/me", fuzzUserLogin().text("accessToken"));
		assertThat(me.status().value()).as("the fuzz user's own token still works: %s", me.body()).isEqualTo(200);
		return new Stored((ObjectNode) me.json(), this.sessionKeys.find(this.fake.appid(), FUZZ_OPENID),
				RefreshTokenId.of(fuzzUserLogin().text("refreshToken")).flatMap(this.refreshTokens::find));
	}

	/** {@code /wx/me} is the profile reply plus the account's identities, where it lists them. */
	private static ObjectNode withoutIdentities(ObjectNode me) {
		ObjectNode user = me.deepCopy();
		user.remove("identities");
		return user;
	}

	private static FuzzCase randomCase(Random random, Endpoint endpoint) {
		Body body = Body.values()[random.nextInt(Body.values().length)];
		byte[] bytes = body.randomBytes(random);
		String contentType = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
		if (random.nextInt(4) == 0) {
			return random.nextBoolean()
					? new FuzzCase(endpoint, body, bytes, contentType, Bearer.ASCII_NOISE, randomAscii(random, 200))
					: new FuzzCase(endpoint, body, bytes, contentType, Bearer.UTF8_NOISE, randomText(random, 200));
		}
		return new FuzzCase(endpoint, body, bytes, contentType, endpoint.needsToken() ? Bearer.USER : Bearer.NONE, null);
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

	/** Latin letters, CJK, emoji and spaces where control characters were drawn. */
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

	/** Printable ASCII and spaces: what the JDK's client sends as it is. */
	private static String randomAscii(Random random, int maxLength) {
		int length = random.nextInt(maxLength + 1);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) (0x20 + random.nextInt(0x5f)));
		}
		return text.toString();
	}

	private static String controlCharacters(Random random) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 1 + random.nextInt(10); i++) {
			text.append(String.format("\\u%04x", random.nextInt(0x20)));
		}
		return "nick" + text;
	}

	record Endpoint(String method, String path, boolean needsToken) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	/** What the Authorization header carries. */
	enum Bearer {

		/** No header. */
		NONE,
		/** The fuzz user's own access token. */
		USER,
		/** Random printable ASCII, sent by the JDK's client. */
		ASCII_NOISE,
		/** Random text with CJK and emoji, its UTF-8 bytes sent over a plain socket. */
		UTF8_NOISE

	}

	/** What the body holds. */
	enum Body {

		RANDOM_JSON {
			@Override
			byte[] randomBytes(Random random) {
				return utf8(randomJson(random, 0));
			}
		},
		KNOWN_FIELDS_WITH_RANDOM_VALUES {
			@Override
			byte[] randomBytes(Random random) {
				return utf8("{\"code\":" + randomJson(random, 0) + ",\"nickname\":" + randomJson(random, 0)
						+ ",\"encryptedData\":" + randomJson(random, 0) + ",\"iv\":" + randomJson(random, 0)
						+ ",\"rawData\":" + randomJson(random, 0) + ",\"signature\":" + randomJson(random, 0)
						+ ",\"refreshToken\":" + randomJson(random, 0) + ",\"avatarUrl\":" + randomJson(random, 0)
						+ "}");
			}
		},
		/** Well-formed string fields: a profile change with these is valid. */
		PLAUSIBLE_FIELDS {
			@Override
			byte[] randomBytes(Random random) {
				return utf8("{\"code\":\"" + randomAscii(random, 40).replace("\\", "").replace("\"", "")
						+ "\",\"refreshToken\":\"" + randomAscii(random, 60).replace("\\", "").replace("\"", "")
						+ "\",\"nickname\":\"" + randomText(random, 30).replace("\\", "").replace("\"", "") + "x\"}");
			}
		},
		DEEP_NESTING {
			@Override
			byte[] randomBytes(Random random) {
				int depth = 1000 + random.nextInt(20000);
				return utf8("{\"code\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
			}
		},
		INVALID_UTF8 {
			@Override
			byte[] randomBytes(Random random) {
				byte[] prefix = utf8("{\"code\":\"");
				byte[] body = new byte[prefix.length + 8 + 2];
				System.arraycopy(prefix, 0, body, 0, prefix.length);
				for (int i = prefix.length; i < prefix.length + 8; i++) {
					body[i] = (byte) (0x80 + random.nextInt(0x80));
				}
				body[body.length - 2] = '"';
				body[body.length - 1] = '}';
				return body;
			}
		},
		LONG_CJK {
			@Override
			byte[] randomBytes(Random random) {
				return utf8("{\"code\":\"" + "界".repeat(random.nextInt(6000)) + "\"}");
			}
		},
		CONTROL_CHARACTERS {
			@Override
			byte[] randomBytes(Random random) {
				return utf8("{\"nickname\":\"" + controlCharacters(random) + "\",\"code\":\"" + controlCharacters(random)
						+ "\"}");
			}
		},
		RANDOM_BYTES {
			@Override
			byte[] randomBytes(Random random) {
				byte[] bytes = new byte[random.nextInt(4096)];
				random.nextBytes(bytes);
				return bytes;
			}
		},
		EMPTY {
			@Override
			byte[] randomBytes(Random random) {
				return new byte[0];
			}
		};

		abstract byte[] randomBytes(Random random);

		private static byte[] utf8(String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}

	}

	record FuzzCase(Endpoint endpoint, Body body, byte[] bytes, String contentType, Bearer bearer,
			@Nullable String noise) {
	}

	/** What a refused request must leave as it was. */
	record Stored(ObjectNode user, Optional<String> sessionKey, Optional<RefreshTokenGrant> refreshGrant) {

		Stored withoutProfile() {
			ObjectNode rest = this.user.deepCopy();
			rest.remove(List.of("nickname", "avatarUrl"));
			return new Stored(rest, this.sessionKey, this.refreshGrant);
		}

	}

	/** How many cases of each kind were generated, sent and checked. */
	static final class Counts {

		int generated;

		int sent;

		int checked;

		private final Map<Body, Integer> byBody = new EnumMap<>(Body.class);

		private final Map<Bearer, Integer> byBearer = new EnumMap<>(Bearer.class);

		private final Map<String, Integer> byOutcome = new TreeMap<>();

		void checked(FuzzCase fuzz, int status) {
			this.checked++;
			this.byBody.merge(fuzz.body(), 1, Integer::sum);
			this.byBearer.merge(fuzz.bearer(), 1, Integer::sum);
			this.byOutcome.merge(fuzz.endpoint() + " " + status, 1, Integer::sum);
		}

		@Override
		public String toString() {
			return "Request fuzz (seed " + SEED + "): " + this.generated + " cases generated, " + this.sent + " sent, "
					+ this.checked + " checked\n  by body: " + this.byBody + "\n  by bearer: " + this.byBearer
					+ "\n  by endpoint and status: " + this.byOutcome;
		}

	}

}
