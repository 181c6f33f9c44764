package io.github.wxlogin.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@code POST /wxa/media_check_async} of {@link FakeWeChatServer} and the
 * {@code wxa_media_check} verdicts it pushes, decoded here by WeChat's documented rules.
 */
class MediaCheckAsyncTests {

	@RegisterExtension
	static FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private static final String TOKEN = "push-token";

	/** 43 characters: Base64 of 32 bytes without its "=". */
	private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final WeChatHttp http = new WeChatHttp(wechat.server());

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	private HttpServer application;

	private String token = "";

	@BeforeEach
	void startApplication() throws IOException {
		this.application = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.application.createContext("/push", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.received.add(new Received(query(exchange.getRequestURI().getRawQuery()),
					new String(body, StandardCharsets.UTF_8)));
			byte[] reply = "success".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, reply.length);
			exchange.getResponseBody().write(reply);
			exchange.close();
		});
		this.application.start();
		wechat.server().issueLoginCode("openid-1");
		this.token = this.http.accessToken();
	}

	@AfterEach
	void stopApplication() {
		this.application.stop(0);
	}

	private String pushUrl() {
		return "http://127.0.0.1:" + this.application.getAddress().getPort() + "/push";
	}

	private String check(String mediaUrl) {
		JsonNode reply = this.http.post("/wxa/media_check_async", Map.of("access_token", this.token),
				Map.of("media_url", mediaUrl, "media_type", 2, "version", 2, "scene", 1, "openid", "openid-1"))
			.json();
		assertThat(reply.get("errcode").asInt()).isZero();
		return reply.get("trace_id").asString();
	}

	@Test
	void acceptedCheckIsRecordedWithItsTraceId() {
		String traceId = check("https://example.com/wx/avatars/abc.png");
		assertThat(wechat.server().mediaChecks()).singleElement().satisfies((check) -> {
			assertThat(check.traceId()).isEqualTo(traceId);
			assertThat(check.openid()).isEqualTo("openid-1");
			assertThat(check.mediaUrl()).isEqualTo("https://example.com/wx/avatars/abc.png");
			assertThat(check.appid()).isEqualTo(wechat.server().appid());
			assertThat(check.scene()).isEqualTo(1);
		});
		assertThat(wechat.server().callCount(Api.MEDIA_CHECK_ASYNC)).isEqualTo(1);
	}

	@Test
	void checkWithoutImageTypeOrOfAStrangerIsRefused() {
		Map<String, String> query = Map.of("access_token", this.token);
		assertThat(this.http.post("/wxa/media_check_async", query,
				Map.of("media_url", "https://x/a.png", "media_type", 1, "version", 2, "scene", 1, "openid", "openid-1"))
			.errcode()).isEqualTo(47001);
		assertThat(this.http.post("/wxa/media_check_async", query,
				Map.of("media_url", "https://x/a.png", "media_type", 2, "version", 2, "scene", 1, "openid", "stranger"))
			.errcode()).isEqualTo(40003);
		assertThat(this.http.post("/wxa/media_check_async", Map.of("access_token", "wrong"),
				Map.of("media_url", "https://x/a.png", "media_type", 2, "version", 2, "scene", 1, "openid", "openid-1"))
			.errcode()).isEqualTo(40001);
	}

	@Test
	void verdictIsPushedInPlainModeSignedWithTheToken() throws Exception {
		wechat.server().messagePush(pushUrl(), TOKEN);
		String traceId = check("https://example.com/a.png");
		PushDelivery delivery = wechat.server().pushMediaCheckVerdict(traceId, "risky");
		assertThat(delivery.accepted()).isTrue();
		Received push = this.received.poll(5, TimeUnit.SECONDS);
		assertThat(push).isNotNull();
		assertThat(push.query().get("signature"))
			.isEqualTo(sha1(TOKEN, push.query().get("timestamp"), push.query().get("nonce")));
		assertThat(push.query()).doesNotContainKey("encrypt_type");
		JsonNode event = MAPPER.readTree(push.body());
		assertThat(event.get("Event").asString()).isEqualTo("wxa_media_check");
		assertThat(event.get("trace_id").asString()).isEqualTo(traceId);
		assertThat(event.get("result").get("suggest").asString()).isEqualTo("risky");
		assertThat(event.get("appid").asString()).isEqualTo(wechat.server().appid());
	}

	@Test
	void verdictIsPushedInSafeModeEncryptedWithTheKey() throws Exception {
		wechat.server().messagePush(pushUrl(), TOKEN, AES_KEY);
		String traceId = check("https://example.com/a.png");
		wechat.server().pushMediaCheckVerdict(traceId, "pass");
		Received push = this.received.poll(5, TimeUnit.SECONDS);
		assertThat(push).isNotNull();
		assertThat(push.query().get("encrypt_type")).isEqualTo("aes");
		String encrypted = MAPPER.readTree(push.body()).get("Encrypt").asString();
		assertThat(push.query().get("msg_signature"))
			.isEqualTo(sha1(TOKEN, push.query().get("timestamp"), push.query().get("nonce"), encrypted));
		byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
		Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
		byte[] plain = cipher.doFinal(Base64.getDecoder().decode(encrypted));
		assertThat(plain.length % 32).isZero();
		int padding = plain[plain.length - 1];
		assertThat(padding).isBetween(1, 32);
		int length = ByteBuffer.wrap(plain, 16, 4).getInt();
		String message = new String(plain, 20, length, StandardCharsets.UTF_8);
		String appid = new String(plain, 20 + length, plain.length - padding - 20 - length, StandardCharsets.UTF_8);
		assertThat(appid).isEqualTo(wechat.server().appid());
		JsonNode event = MAPPER.readTree(message);
		assertThat(event.get("trace_id").asString()).isEqualTo(traceId);
		assertThat(event.get("result").get("suggest").asString()).isEqualTo("pass");
	}

	@Test
	void automaticVerdictsArePushedAfterTheDelay() throws Exception {
		wechat.server().messagePush(pushUrl(), TOKEN);
		wechat.server().mediaCheckVerdicts("review", Duration.ofMillis(50));
		String traceId = check("https://example.com/a.png");
		Received push = this.received.poll(10, TimeUnit.SECONDS);
		assertThat(push).isNotNull();
		JsonNode event = MAPPER.readTree(push.body());
		assertThat(event.get("trace_id").asString()).isEqualTo(traceId);
		assertThat(event.get("result").get("suggest").asString()).isEqualTo("review");
	}

	@Test
	void resetForgetsChecksAndAutomaticVerdicts() throws Exception {
		wechat.server().messagePush(pushUrl(), TOKEN);
		wechat.server().mediaCheckVerdicts("pass", Duration.ZERO);
		wechat.server().reset();
		String forgotten = check("https://example.com/a.png");
		assertThat(wechat.server().mediaChecks()).extracting(MediaCheck::traceId).containsExactly(forgotten);
		// verdicts go out one at a time, in the order they were due: a verdict still due for the first check
		// would come before this one's
		wechat.server().messagePush(pushUrl(), TOKEN);
		wechat.server().mediaCheckVerdicts("review", Duration.ZERO);
		String marker = check("https://example.com/b.png");
		Received first = this.received.poll(10, TimeUnit.SECONDS);
		assertThat(first).isNotNull();
		assertThat(MAPPER.readTree(first.body()).get("trace_id").asString()).isEqualTo(marker).isNotEqualTo(forgotten);
		wechat.server().reset();
		assertThat(wechat.server().mediaChecks()).isEmpty();
	}

	@Test
	void verdictOfAnUnknownTraceIdIsAMistakeOfTheTest() {
		assertThatIllegalArgumentException().isThrownBy(() -> wechat.server().pushMediaCheckVerdict("nope", "pass"));
	}

	private static String sha1(String... parts) throws Exception {
		String[] sorted = parts.clone();
		Arrays.sort(sorted);
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
	}

	private static Map<String, String> query(String rawQuery) {
		Map<String, String> query = new HashMap<>();
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return query;
	}

	private record Received(Map<String, String> query, String body) {
	}

}
