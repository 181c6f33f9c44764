package io.github.wxlogin.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.github.wxlogin.wechat.WxPushException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WxMessagePush}, with pushes built here by the rules of WeChat's documentation.
 */
class WxMessagePushTests {

	private static final String APPID = "wx0123456789abcdef";

	private static final String PLAIN_APPID = "wxfedcba9876543210";

	private static final String TOKEN = "pushToken123";

	private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

	private static final String EVENT = "{\"ToUserName\":\"gh_1\",\"MsgType\":\"event\",\"Event\":\"wxa_media_check\","
			+ "\"trace_id\":\"t-1\",\"result\":{\"suggest\":\"risky\",\"label\":20002}}";

	private final WxMessagePush push = new WxMessagePush(Map.of(APPID, new WxPushSettings(TOKEN, AES_KEY),
			PLAIN_APPID, new WxPushSettings(TOKEN, null)), Clock.fixed(NOW, ZoneOffset.UTC));

	private static String timestamp(long secondsFromNow) {
		return Long.toString(NOW.getEpochSecond() + secondsFromNow);
	}

	@Test
	void handshakeWithWeChatsSignatureEchoesEchostr() {
		String ts = timestamp(0);
		WxPushQuery query = new WxPushQuery(sha1(TOKEN, ts, "42"), ts, "42", null, null);
		assertThat(this.push.handshake(APPID, query, "echo-7")).isEqualTo("echo-7");
	}

	@Test
	void signatureIsSha1OfTheSortedParts() {
		// sorted: "1409304348", "1409659813", "xxxxxx"
		assertThat(WxMessagePush.signature("xxxxxx", "1409659813", "1409304348"))
			.isEqualTo(sha1Hex("14093043481409659813xxxxxx"));
	}

	@Test
	void handshakeWithAWrongOrMissingSignatureIsRefused() {
		String ts = timestamp(0);
		assertRefused(Reason.BAD_SIGNATURE,
				() -> this.push.handshake(APPID, new WxPushQuery(sha1("other", ts, "42"), ts, "42", null, null), "e"));
		assertRefused(Reason.BAD_SIGNATURE,
				() -> this.push.handshake(APPID, new WxPushQuery(null, ts, "42", null, null), "e"));
	}

	@Test
	void timestampsMoreThanFiveMinutesAwayAreRefused() {
		for (long offset : new long[] { -301, 301, -86_400 }) {
			String ts = timestamp(offset);
			assertRefused(Reason.STALE_TIMESTAMP, () -> this.push
				.handshake(APPID, new WxPushQuery(sha1(TOKEN, ts, "1"), ts, "1", null, null), "e"));
		}
		String ts = timestamp(-299);
		assertThat(this.push.handshake(APPID, new WxPushQuery(sha1(TOKEN, ts, "1"), ts, "1", null, null), "e"))
			.isEqualTo("e");
		assertRefused(Reason.STALE_TIMESTAMP,
				() -> this.push.handshake(APPID, new WxPushQuery(sha1(TOKEN, "x", "1"), "x", "1", null, null), "e"));
	}

	@Test
	void appWithoutPushSettingsIsNotConfigured() {
		String ts = timestamp(0);
		assertRefused(Reason.NOT_CONFIGURED, () -> this.push.handshake("wx0000000000000000",
				new WxPushQuery(sha1(TOKEN, ts, "1"), ts, "1", null, null), "e"));
		assertThat(this.push.isEnabled(APPID)).isTrue();
		assertThat(this.push.isEnabled("wx0000000000000000")).isFalse();
	}

	@Test
	void plainMessageWithWeChatsSignatureIsRead() {
		String ts = timestamp(10);
		WxPushMessage message = this.push.receive(PLAIN_APPID,
				new WxPushQuery(sha1(TOKEN, ts, "n"), ts, "n", null, null), EVENT);
		assertThat(message.appid()).isEqualTo(PLAIN_APPID);
		assertThat(message.msgType()).isEqualTo("event");
		assertThat(message.event()).isEqualTo("wxa_media_check");
		assertThat(message.text("trace_id")).isEqualTo("t-1");
	}

	@Test
	void plainMessageWithAWrongSignatureOrAnUnreadableBodyIsRefused() {
		String ts = timestamp(0);
		assertRefused(Reason.BAD_SIGNATURE, () -> this.push.receive(PLAIN_APPID,
				new WxPushQuery(sha1(TOKEN, ts, "other-nonce"), ts, "n", null, null), EVENT));
		assertRefused(Reason.MALFORMED, () -> this.push.receive(PLAIN_APPID,
				new WxPushQuery(sha1(TOKEN, ts, "n"), ts, "n", null, null), "<xml></xml>"));
		assertRefused(Reason.MALFORMED, () -> this.push.receive(PLAIN_APPID,
				new WxPushQuery(sha1(TOKEN, ts, "n"), ts, "n", "aes", "x"), EVENT));
	}

	@Test
	void safeModeMessageIsDecryptedWhenItsSignatureAndAppidMatch() {
		String ts = timestamp(-60);
		String encrypted = encrypt(EVENT, APPID, AES_KEY);
		WxPushMessage message = this.push.receive(APPID, safeQuery(ts, encrypted), body(encrypted));
		assertThat(message.event()).isEqualTo("wxa_media_check");
		assertThat(message.fields()).containsKey("result");
	}

	@Test
	void safeModeMessageWithAWrongMsgSignatureIsRefused() {
		String ts = timestamp(0);
		String encrypted = encrypt(EVENT, APPID, AES_KEY);
		String other = encrypt(EVENT, APPID, AES_KEY);
		assertRefused(Reason.BAD_SIGNATURE, () -> this.push.receive(APPID,
				new WxPushQuery(sha1(TOKEN, ts, "n"), ts, "n", "aes", sha1(TOKEN, ts, "n", other)), body(encrypted)));
		assertRefused(Reason.BAD_SIGNATURE, () -> this.push.receive(APPID,
				new WxPushQuery(sha1(TOKEN, ts, "n"), ts, "n", "aes", null), body(encrypted)));
	}

	@Test
	void safeModeMessageOfAnotherAppidIsRefused() {
		String ts = timestamp(0);
		String encrypted = encrypt(EVENT, "wx9999999999999999", AES_KEY);
		assertRefused(Reason.WRONG_APPID, () -> this.push.receive(APPID, safeQuery(ts, encrypted), body(encrypted)));
	}

	@Test
	void safeModeMessageUnderAnotherKeyOrGarbledIsRefused() {
		String ts = timestamp(0);
		String otherKey = encrypt(EVENT, APPID, "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcdefg");
		assertThat(catchReason(() -> this.push.receive(APPID, safeQuery(ts, otherKey), body(otherKey))))
			.isIn(Reason.MALFORMED, Reason.WRONG_APPID);
		for (String garbled : new String[] { "not base64!", "", Base64.getEncoder().encodeToString(new byte[15]) }) {
			assertRefused(Reason.MALFORMED, () -> this.push.receive(APPID, safeQuery(ts, garbled), body(garbled)));
		}
	}

	@Test
	void plainPushToAnAppWithAnEncodingAesKeyIsRefused() {
		String ts = timestamp(0);
		assertRefused(Reason.MALFORMED,
				() -> this.push.receive(APPID, new WxPushQuery(sha1(TOKEN, ts, "n"), ts, "n", null, null), EVENT));
	}

	@Test
	void settingsOfAWrongFormAreRefusedAndNeverShown() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WxPushSettings("a b", null));
		assertThatIllegalArgumentException().isThrownBy(() -> new WxPushSettings(TOKEN, "short"));
		assertThat(new WxPushSettings(TOKEN, AES_KEY).toString()).doesNotContain(TOKEN).doesNotContain(AES_KEY);
	}

	private static WxPushQuery safeQuery(String ts, String encrypted) {
		return new WxPushQuery(sha1(TOKEN, ts, "n"), ts, "n", "aes", sha1(TOKEN, ts, "n", encrypted));
	}

	private static String body(String encrypted) {
		return "{\"ToUserName\":\"gh_1\",\"Encrypt\":\"" + encrypted + "\"}";
	}

	/**
	 * WeChat's own sample of its message encryption (the Python sample of its message-crypto download): the
	 * msg_signature it publishes for its token, timestamp, nonce and ciphertext, and the ciphertext's
	 * plain text and AppID.
	 */
	@Test
	void weChatsPublishedSafeModeSampleIsSignedAndDecryptedAsWeChatSays() {
		String encrypted = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFm"
				+ "OD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIb"
				+ "gU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HT"
				+ "nifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVW"
				+ "QLCzpu9GhglF2PE=";
		assertThat(WxMessagePush.signature("spamtest", "1409735669", "1320562132", encrypted))
			.isEqualTo("5d197aaffba7e9b25a30732f161a50dee96bd5fa");
		byte[] key = new WxPushSettings("spamtest", AES_KEY).aesKey();
		assertThat(WxMessagePush.decrypt(key, encrypted, "wx2c2769f8efd9abc2"))
			.startsWith("<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>")
			.contains("<Content><![CDATA[abcdteT]]></Content>")
			.endsWith("</xml>");
		assertRefused(Reason.WRONG_APPID, () -> WxMessagePush.decrypt(key, encrypted, "wxb11529c136998cb6"));
	}

	/**
	 * WeChat's own sample of its message encryption (the Java sample's test): a Chinese text encrypted with
	 * a given random prefix for a given AppID.
	 */
	@Test
	void weChatsPublishedEncryptionSampleDecryptsToItsText() {
		byte[] key = new WxPushSettings("pamtest", AES_KEY).aesKey();
		assertThat(WxMessagePush.decrypt(key,
				"jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==",
				"wxb11529c136998cb6"))
			.isEqualTo("我是中文abcd123");
	}

	private static void assertRefused(Reason reason, Runnable push) {
		assertThatExceptionOfType(WxPushException.class).isThrownBy(push::run)
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(TOKEN).doesNotContain(AES_KEY));
	}

	private static Reason catchReason(Runnable push) {
		try {
			push.run();
		}
		catch (WxPushException ex) {
			return ex.getReason();
		}
		throw new AssertionError("the push was accepted");
	}

	/** Safe mode as WeChat's documentation describes it. */
	private static String encrypt(String message, String appid, String encodingAesKey) {
		try {
			byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
			byte[] text = message.getBytes(StandardCharsets.UTF_8);
			byte[] id = appid.getBytes(StandardCharsets.UTF_8);
			int length = 20 + text.length + id.length;
			int padding = 32 - (length % 32);
			byte[] random = new byte[16];
			new SecureRandom().nextBytes(random);
			ByteBuffer plain = ByteBuffer.allocate(length + padding).put(random).putInt(text.length).put(text).put(id);
			while (plain.hasRemaining()) {
				plain.put((byte) padding);
			}
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
			return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sha1(String... parts) {
		String[] sorted = parts.clone();
		Arrays.sort(sorted);
		return sha1Hex(String.join("", sorted));
	}

	private static String sha1Hex(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
