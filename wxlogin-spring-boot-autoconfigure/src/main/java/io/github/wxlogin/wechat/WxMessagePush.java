package io.github.wxlogin.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.github.wxlogin.wechat.WxPushException.Reason;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonParser;
import org.springframework.boot.json.JsonParserFactory;

/**
 * WeChat's message push, checked and opened: the {@code GET} handshake, and {@code POST}ed JSON messages
 * in plain mode (signed with the token) and safe mode (encrypted with the EncodingAESKey: AES-256-CBC, IV
 * = the key's first 16 bytes, PKCS#7 padding to 32-byte blocks, plaintext = 16 random bytes, a big-endian
 * length, the message and the AppID). Timestamps further than five minutes from now are refused and
 * signatures are compared in constant time. A mini program with an EncodingAESKey takes safe-mode pushes
 * only: a plain push's signature does not cover its body.
 */
public final class WxMessagePush {

	/** How far a push's timestamp may be from now. */
	public static final Duration MAX_AGE = Duration.ofMinutes(5);

	private static final int PADDING_BLOCK = 32;

	private static final int RANDOM_PREFIX = 16;

	private final Function<String, Optional<WxPushSettings>> settings;

	private final Clock clock;

	private final JsonParser json = JsonParserFactory.getJsonParser();

	/**
	 * Create the message push of some mini programs.
	 * @param settings the push settings by AppID; a mini program without settings has push off
	 * @param clock the clock that timestamps are compared with
	 */
	public WxMessagePush(Map<String, WxPushSettings> settings, Clock clock) {
		this(lookUpIn(Map.copyOf(settings)), clock);
	}

	/**
	 * Create the message push of the mini programs of a registry, whose settings may change at run time.
	 * @param settings the push settings of an AppID, empty when push is off for it
	 * @param clock the clock that timestamps are compared with
	 */
	public WxMessagePush(Function<String, Optional<WxPushSettings>> settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	private static Function<String, Optional<WxPushSettings>> lookUpIn(Map<String, WxPushSettings> settings) {
		return (appid) -> Optional.ofNullable(settings.get(appid));
	}

	/**
	 * Return whether push is on for a mini program.
	 * @param appid the AppID
	 * @return whether it has push settings
	 */
	public boolean isEnabled(String appid) {
		return this.settings.apply(appid).isPresent();
	}

	/**
	 * Answer the handshake WeChat makes when the push URL is saved in the admin console.
	 * @param appid the AppID the URL names
	 * @param query the handshake's signature, timestamp and nonce
	 * @param echostr the text to answer with
	 * @return {@code echostr}, as it came
	 * @throws WxPushException if push is off for the AppID, or the signature or timestamp is not valid
	 */
	public String handshake(String appid, WxPushQuery query, String echostr) {
		WxPushSettings push = settingsOf(appid);
		String timestamp = checkTimestamp(query.timestamp());
		requireSignature(query.signature(), push.token(), timestamp, nonce(query));
		return echostr;
	}

	/**
	 * Check and open a pushed message.
	 * @param appid the AppID the URL names
	 * @param query the push's query parameters
	 * @param body the request body, JSON
	 * @return the message
	 * @throws WxPushException if the push is not WeChat's for this mini program, too old, or unreadable
	 */
	public WxPushMessage receive(String appid, WxPushQuery query, String body) {
		WxPushSettings push = settingsOf(appid);
		String timestamp = checkTimestamp(query.timestamp());
		byte[] key = push.aesKey();
		boolean safeMode = "aes".equalsIgnoreCase(query.encryptType());
		if (!safeMode && query.encryptType() != null && !"raw".equalsIgnoreCase(query.encryptType())) {
			throw new WxPushException(Reason.MALFORMED, "unknown encrypt_type");
		}
		if (key == null) {
			if (safeMode) {
				throw new WxPushException(Reason.MALFORMED, "safe-mode push, but no EncodingAESKey is configured");
			}
			requireSignature(query.signature(), push.token(), timestamp, nonce(query));
			return new WxPushMessage(appid, parse(body));
		}
		if (!safeMode) {
			throw new WxPushException(Reason.MALFORMED, "plain push, but this mini program takes safe mode only");
		}
		String encrypted = WxApiCalls.text(parse(body), "Encrypt");
		if (encrypted == null) {
			throw new WxPushException(Reason.MALFORMED, "safe-mode push without 'Encrypt'");
		}
		requireSignature(query.msgSignature(), push.token(), timestamp, nonce(query), encrypted);
		return new WxPushMessage(appid, parse(decrypt(key, encrypted, appid)));
	}

	private WxPushSettings settingsOf(String appid) {
		return this.settings.apply(appid)
			.orElseThrow(() -> new WxPushException(Reason.NOT_CONFIGURED, "message push is off for this AppID"));
	}

	private String checkTimestamp(@Nullable String timestamp) {
		long seconds;
		try {
			seconds = Long.parseLong((timestamp != null) ? timestamp : "");
		}
		catch (NumberFormatException ex) {
			throw new WxPushException(Reason.STALE_TIMESTAMP, "missing or malformed timestamp");
		}
		long now = this.clock.instant().getEpochSecond();
		if (Math.abs(now - seconds) > MAX_AGE.toSeconds()) {
			throw new WxPushException(Reason.STALE_TIMESTAMP, "timestamp more than " + MAX_AGE.toMinutes()
					+ " minutes from now");
		}
		return timestamp;
	}

	private static String nonce(WxPushQuery query) {
		return (query.nonce() != null) ? query.nonce() : "";
	}

	private static void requireSignature(@Nullable String given, String... parts) {
		if (given == null || !MessageDigest.isEqual(given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
				signature(parts).getBytes(StandardCharsets.UTF_8))) {
			throw new WxPushException(Reason.BAD_SIGNATURE, "signature does not match");
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
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			return HexFormat.of().formatHex(sha1.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-1 is not available", ex);
		}
	}

	/**
	 * Decrypt a safe-mode message: AES-256-CBC under the EncodingAESKey (its first 16 bytes the IV), then
	 * 16 random bytes, the message's length (4 bytes, big-endian), the message and the AppID it names.
	 */
	static String decrypt(byte[] key, String encrypted, String appid) {
		byte[] ciphertext;
		try {
			ciphertext = Base64.getDecoder().decode(encrypted);
		}
		catch (IllegalArgumentException ex) {
			throw new WxPushException(Reason.MALFORMED, "'Encrypt' is not Base64");
		}
		if (ciphertext.length == 0 || ciphertext.length % 16 != 0) {
			throw new WxPushException(Reason.MALFORMED, "'Encrypt' is not whole AES blocks");
		}
		byte[] plain;
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
					new IvParameterSpec(Arrays.copyOf(key, 16)));
			plain = cipher.doFinal(ciphertext);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-256-CBC is not available", ex);
		}
		int padding = plain[plain.length - 1] & 0xff;
		int end = plain.length - padding;
		if (padding < 1 || padding > PADDING_BLOCK || end < RANDOM_PREFIX + 4) {
			throw new WxPushException(Reason.MALFORMED, "'Encrypt' does not decrypt under the EncodingAESKey");
		}
		int length = ByteBuffer.wrap(plain, RANDOM_PREFIX, 4).getInt();
		int messageStart = RANDOM_PREFIX + 4;
		if (length < 0 || length > end - messageStart) {
			throw new WxPushException(Reason.MALFORMED, "'Encrypt' does not decrypt under the EncodingAESKey");
		}
		byte[] sender = Arrays.copyOfRange(plain, messageStart + length, end);
		if (!MessageDigest.isEqual(sender, appid.getBytes(StandardCharsets.UTF_8))) {
			throw new WxPushException(Reason.WRONG_APPID, "the message names another mini program");
		}
		return new String(plain, messageStart, length, StandardCharsets.UTF_8);
	}

	private Map<String, Object> parse(String body) {
		if (!body.strip().startsWith("{")) {
			throw new WxPushException(Reason.MALFORMED, "the message is not a JSON object");
		}
		try {
			return this.json.parseMap(body);
		}
		catch (IllegalArgumentException ex) {
			throw new WxPushException(Reason.MALFORMED, "the message is not JSON");
		}
	}

}
