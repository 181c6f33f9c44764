package io.github.wxlogin.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pushes events to the applications' message-push URLs as WeChat does: JSON signed with
 * the token in plain mode, or encrypted with the EncodingAESKey in safe mode (AES-256-CBC,
 * IV = the key's first 16 bytes, PKCS#7 padding to 32-byte blocks, the plaintext framed by
 * 16 random bytes, a big-endian length and the AppID).
 */
final class MessagePush {

	private static final int BLOCK = 32;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final Map<String, PushTarget> targets = new ConcurrentHashMap<>();

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	MessagePush(Clock clock) {
		this.clock = clock;
	}

	void target(String appid, PushTarget target) {
		this.targets.put(appid, target);
	}

	void forget(String appid) {
		this.targets.remove(appid);
	}

	/**
	 * Push an event to a mini program's push URL and wait for the application's answer.
	 * @param appid the mini program
	 * @param event the event's members
	 * @return the answer
	 * @throws IllegalStateException when no push URL is configured for the mini program, or
	 * the application cannot be reached
	 */
	PushDelivery push(String appid, Map<String, ?> event) {
		PushTarget target = this.targets.get(appid);
		if (target == null) {
			throw new IllegalStateException("No push URL for " + appid + ": configure it with messagePush first");
		}
		String timestamp = Long.toString(this.clock.instant().getEpochSecond());
		String nonce = WeChatCrypto.randomDigits();
		Map<String, String> query = new LinkedHashMap<>();
		query.put("signature", signature(target.token(), timestamp, nonce));
		query.put("timestamp", timestamp);
		query.put("nonce", nonce);
		String body = Json.write(event);
		if (target.encodingAesKey() != null) {
			String encrypted = encrypt(target.encodingAesKey(), body, appid);
			query.put("encrypt_type", "aes");
			query.put("msg_signature", signature(target.token(), timestamp, nonce, encrypted));
			Object toUserName = event.get("ToUserName");
			body = Json.write(Map.of("ToUserName", (toUserName != null) ? toUserName : "", "Encrypt", encrypted));
		}
		return post(target.url() + (target.url().contains("?") ? "&" : "?") + queryString(query), body);
	}

	private PushDelivery post(String url, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new PushDelivery(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Push to " + url + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while pushing to " + url, ex);
		}
	}

	/**
	 * WeChat's push signature: lowercase hex SHA-1 of the parts sorted and concatenated.
	 * @param parts the token, timestamp, nonce and, in safe mode, the encrypted message
	 * @return the signature
	 */
	static String signature(String... parts) {
		String[] sorted = parts.clone();
		Arrays.sort(sorted);
		return WeChatCrypto.sha1Hex(String.join("", sorted));
	}

	/**
	 * Encrypt a message as safe mode does.
	 * @param encodingAesKey the 43-character EncodingAESKey
	 * @param message the message
	 * @param appid the AppID framed after the message
	 * @return the Base64 ciphertext
	 */
	static String encrypt(String encodingAesKey, String message, String appid) {
		return encrypt(encodingAesKey, WeChatCrypto.randomBytes(16), message, appid);
	}

	/**
	 * Encrypt a message as safe mode does, with the random prefix given.
	 * @param encodingAesKey the 43-character EncodingAESKey
	 * @param random the 16 random bytes before the message
	 * @param message the message
	 * @param appid the AppID framed after the message
	 * @return the Base64 ciphertext
	 */
	static String encrypt(String encodingAesKey, byte[] random, String message, String appid) {
		byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
		byte[] text = message.getBytes(StandardCharsets.UTF_8);
		byte[] id = appid.getBytes(StandardCharsets.UTF_8);
		int length = 16 + 4 + text.length + id.length;
		int padding = BLOCK - (length % BLOCK);
		ByteBuffer plain = ByteBuffer.allocate(length + padding);
		plain.put(random).putInt(text.length).put(text).put(id);
		while (plain.hasRemaining()) {
			plain.put((byte) padding);
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
					new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
			return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-256-CBC is not available", ex);
		}
	}

	/**
	 * The {@code wxa_media_check} event of a verdict.
	 * @param check the check
	 * @param suggest {@code pass}, {@code review} or {@code risky}
	 * @return the event's members, in WeChat's order
	 */
	Map<String, Object> mediaCheckEvent(MediaCheck check, String suggest) {
		int label = ContentVerdicts.PASS.equals(suggest) ? 100 : 20002;
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("ToUserName", "gh_" + check.appid());
		event.put("FromUserName", check.openid());
		event.put("CreateTime", this.clock.instant().getEpochSecond());
		event.put("MsgType", "event");
		event.put("Event", "wxa_media_check");
		event.put("appid", check.appid());
		event.put("trace_id", check.traceId());
		event.put("version", 2);
		event.put("result", Map.of("suggest", suggest, "label", label));
		event.put("detail", List.of(Map.of("strategy", "content_model", "errcode", 0, "suggest", suggest, "label",
				label, "prob", 90)));
		event.put("errcode", 0);
		event.put("errmsg", "ok");
		return event;
	}

	private static String queryString(Map<String, String> query) {
		return query.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
