package io.github.wxlogin.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wxlogin.WxPhone;
import io.github.wxlogin.avatar.TestImages;
import io.github.wxlogin.event.WxAvatarVerdictEvent;
import io.github.wxlogin.event.WxPushEvent;
import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.login.WxAccountManager;
import io.github.wxlogin.test.AutoConfigureFakeWeChat;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.MediaCheck;
import io.github.wxlogin.test.PushDelivery;
import io.github.wxlogin.wechat.WxContentVerdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The avatar upload and WeChat's image check end to end: the mini program uploads as {@code wx.uploadFile}
 * does, the starter keeps and serves the image, asks the fake WeChat server to check it, and acts on the
 * verdict the fake pushes back in safe mode.
 */
@SpringBootTest(classes = { HostApplication.class, AvatarIntegrationTests.EventsConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "wx.login.connect-timeout=10s", "wx.login.read-timeout=30s",
				"wx.login.rate-limit.enabled=false", "wx.login.store.type=memory", "wx.login.accounts.phone-conflict=merge",
				"wx.login.avatar.public-base-url=https://avatars.example.com",
				"wx.login.push.token=" + AvatarIntegrationTests.PUSH_TOKEN,
				"wx.login.push.encoding-aes-key=" + AvatarIntegrationTests.AES_KEY })
@AutoConfigureFakeWeChat
class AvatarIntegrationTests {

	static final String PUSH_TOKEN = "pushToken42";

	static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private static final String PUBLIC = "https://avatars.example.com";

	private static final String BOUNDARY = "----wxUploadFileBoundary7MA4YWxk";

	@TempDir
	static Path avatars;

	@DynamicPropertySource
	static void avatarDirectory(DynamicPropertyRegistry registry) {
		registry.add("wx.login.avatar.directory", () -> avatars.toString());
	}

	@Autowired
	FakeWeChatServer fake;

	@Autowired
	Events events;

	@Autowired
	WxAccountManager accounts;

	@LocalServerPort
	int port;

	WxLoginClient client;

	@BeforeEach
	void setUp() {
		this.client = new WxLoginClient(this.port);
		this.fake.reset();
		this.fake.messagePush("http://127.0.0.1:" + this.port + "/wx/push/" + this.fake.appid(), PUSH_TOKEN, AES_KEY);
		this.events.received.clear();
	}

	private String accessToken(String openid) {
		Reply reply = this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode(openid)));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		return reply.text("accessToken");
	}

	private Reply upload(String token, byte[] image) {
		return this.client.raw("POST", "/wx/profile/avatar", token, "multipart/form-data; boundary=" + BOUNDARY,
				multipart("file", "tmp_3f1c0a.jpg", image));
	}

	/** The body {@code wx.uploadFile} sends: one part with the file. */
	private static byte[] multipart(String name, String filename, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	private Reply fetch(String avatarUrl) {
		assertThat(avatarUrl).startsWith(PUBLIC + "/wx/avatars/");
		return this.client.get(avatarUrl.substring(PUBLIC.length()), null);
	}

	@Test
	void uploadedAvatarIsStoredServedCheckedAndRevertedWhenWeChatFindsItRisky() {
		String token = accessToken("openid-avatar-1");
		Reply uploaded = upload(token, TestImages.jpegWithExifAndGps(80, 60));
		assertThat(uploaded.status().value()).as(uploaded.body()).isEqualTo(200);
		String avatarUrl = uploaded.text("avatarUrl");
		assertThat(uploaded.json().get("checking").asBoolean()).isTrue();
		assertThat(this.client.get("/wx/me", token).text("avatarUrl")).isEqualTo(avatarUrl);

		Reply served = fetch(avatarUrl);
		assertThat(served.status().value()).isEqualTo(200);
		assertThat(served.contentType()).isEqualTo("image/jpeg");
		assertThat(served.headers().getCacheControl()).contains("max-age=31536000").contains("immutable");
		assertThat(served.body()).doesNotContain("Exif").doesNotContain(TestImages.SECRET_COMMENT);

		MediaCheck check = this.fake.mediaChecks().get(0);
		assertThat(check.mediaUrl()).isEqualTo(avatarUrl);
		assertThat(check.openid()).isEqualTo("openid-avatar-1");
		PushDelivery delivery = this.fake.pushMediaCheckVerdict(check.traceId(), "risky");
		assertThat(delivery.accepted()).as(delivery.body()).isTrue();

		assertThat(this.client.get("/wx/me", token).json().has("avatarUrl")).isFalse();
		assertProblem(fetch(avatarUrl), 404, "not_found");
		assertThat(this.events.received).containsExactly(
				new WxAvatarVerdictEvent(this.client.get("/wx/me", token).text("id"), avatarUrl, WxContentVerdict.RISKY,
						true));
	}

	@Test
	void passingVerdictKeepsTheAvatarAndAReplacedAvatarIsDeleted() {
		String token = accessToken("openid-avatar-2");
		String first = upload(token, TestImages.png(40, 40)).text("avatarUrl");
		this.fake.pushMediaCheckVerdict(this.fake.mediaChecks().get(0).traceId(), "pass");
		assertThat(this.client.get("/wx/me", token).text("avatarUrl")).isEqualTo(first);
		assertThat(fetch(first).contentType()).isEqualTo("image/png");
		String second = upload(token, TestImages.jpeg(40, 40)).text("avatarUrl");
		assertThat(second).isNotEqualTo(first);
		assertProblem(fetch(first), 404, "not_found");
		assertThat(fetch(second).status().value()).isEqualTo(200);
	}

	@Test
	void aDeletedAccountsAvatarIsErasedWhenItIsPurged() {
		String token = accessToken("openid-avatar-del");
		String avatar = upload(token, TestImages.png(40, 40)).text("avatarUrl");
		String userId = this.client.get("/wx/me", token).json().path("id").asString();

		this.accounts.delete(userId);

		assertProblem(fetch(avatar), 404, "not_found");
	}

	@Test
	void theAvatarOfAnAccountMergedAwayIsErased() {
		this.accounts.createAccount(new WxPhone("13800139301", "13800139301", "86"));
		String token = accessToken("openid-avatar-merge");
		String avatar = upload(token, TestImages.png(40, 40)).text("avatarUrl");

		Reply merged = this.client.post("/wx/me/merge", token,
				Map.of("code", this.fake.issuePhoneCode("13800139301", "openid-avatar-merge")));

		assertThat(merged.status().value()).as(merged.body()).isEqualTo(200);
		assertProblem(fetch(avatar), 404, "not_found");
	}

	@Test
	void imagesThatAreNotJpegPngOrWebpOrTooLargeAreRefused() {
		String token = accessToken("openid-avatar-3");
		assertProblem(upload(token, "just text, named .jpg".getBytes(StandardCharsets.UTF_8)), 415, "unsupported_image");
		assertProblem(upload(token, TestImages.svg()), 415, "unsupported_image");
		assertProblem(upload(token, TestImages.gif()), 415, "unsupported_image");
		assertProblem(upload(token, TestImages.truncated(TestImages.png(300, 300))), 415, "unsupported_image");
		assertProblem(upload(token, TestImages.pngHeaderClaiming(50_000, 50_000)), 413, "image_too_large");
		byte[] huge = Arrays.copyOf(TestImages.jpeg(10, 10), 3 * 1024 * 1024);
		assertProblem(upload(token, huge), 413, "image_too_large");
		assertThat(this.client.get("/wx/me", token).json().has("avatarUrl")).isFalse();
		assertThat(this.fake.mediaChecks()).isEmpty();
	}

	@Test
	void uploadNeedsABearerTokenAndAWellFormedMultipartBody() {
		assertProblem(upload(null, TestImages.png(8, 8)), 401, "unauthorized");
		String token = accessToken("openid-avatar-4");
		assertProblem(this.client.post("/wx/profile/avatar", token, Map.of("file", "x")), 415, "invalid_request");
		assertProblem(this.client.raw("POST", "/wx/profile/avatar", token, "multipart/form-data; boundary=" + BOUNDARY,
				multipart("photo", "a.png", TestImages.png(8, 8))), 400, "invalid_request");
		assertProblem(this.client.raw("POST", "/wx/profile/avatar", token, "multipart/form-data; boundary=" + BOUNDARY,
				"--nonsense\r\n\r\nno parts at all".getBytes(StandardCharsets.UTF_8)), 400, "invalid_request");
		assertProblem(this.client.raw("POST", "/wx/profile/avatar", token, "multipart/form-data",
				multipart("file", "a.png", TestImages.png(8, 8))), 400, "invalid_request");
	}

	@Test
	void avatarsOfAMalformedOrUnknownIdAreNotFound() {
		// Spring Security's firewall refuses an encoded traversal before the endpoint sees it
		assertProblem(this.client.get("/wx/avatars/..%2F..%2Fetc%2Fpasswd", null), 400, "invalid_request");
		assertProblem(this.client.get("/wx/avatars/passwd.png", null), 404, "not_found");
		assertProblem(this.client.get("/wx/avatars/" + "0".repeat(80) + ".png", null), 404, "not_found");
	}

	@Test
	void pushHandshakeIsAnsweredWithEchostrOnlyWhenSignedWithTheToken() {
		String ts = Long.toString(Instant.now().getEpochSecond());
		String path = "/wx/push/" + this.fake.appid() + "?timestamp=" + ts + "&nonce=7&echostr=hello-wechat&signature=";
		Reply good = this.client.get(path + sha1(PUSH_TOKEN, ts, "7"), null);
		assertThat(good.status().value()).isEqualTo(200);
		assertThat(good.body()).isEqualTo("hello-wechat");
		assertProblem(this.client.get(path + sha1("wrong", ts, "7"), null), 401, "unauthorized");
		assertProblem(this.client.get("/wx/push/wx0000000000000000?timestamp=" + ts + "&nonce=7&echostr=x&signature="
				+ sha1(PUSH_TOKEN, ts, "7"), null), 404, "not_found");
		String old = Long.toString(Instant.now().getEpochSecond() - 600);
		assertProblem(this.client.get("/wx/push/" + this.fake.appid() + "?timestamp=" + old
				+ "&nonce=7&echostr=x&signature=" + sha1(PUSH_TOKEN, old, "7"), null), 401, "unauthorized");
	}

	@Test
	void otherPushedEventsArePublishedAsWxPushEvents() {
		PushDelivery delivery = this.fake.pushEvent(this.fake.appid(), Map.of("ToUserName", "gh_1", "FromUserName",
				"openid-x", "CreateTime", 1, "MsgType", "event", "Event", "user_authorization_revoke"));
		assertThat(delivery.accepted()).isTrue();
		assertThat(this.events.received).singleElement()
			.isInstanceOfSatisfying(WxPushEvent.class, (event) -> {
				assertThat(event.appid()).isEqualTo(this.fake.appid());
				assertThat(event.event()).isEqualTo("user_authorization_revoke");
				assertThat(event.fields()).containsEntry("FromUserName", "openid-x");
			});
	}

	@Test
	void plainPushToAnAppInSafeModeIsRefused() {
		String ts = Long.toString(Instant.now().getEpochSecond());
		Reply reply = this.client.post("/wx/push/" + this.fake.appid() + "?timestamp=" + ts + "&nonce=1&signature="
				+ sha1(PUSH_TOKEN, ts, "1"), Map.of("MsgType", "event", "Event", "wxa_media_check"));
		assertProblem(reply, 400, "invalid_request");
		assertThat(this.events.received).isEmpty();
	}

	private static void assertProblem(Reply reply, int status, String code) {
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.code()).isEqualTo(code);
		assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at io.github");
	}

	private static String sha1(String... parts) {
		String[] sorted = parts.clone();
		Arrays.sort(sorted);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class EventsConfiguration {

		@Bean
		Events events() {
			return new Events();
		}

	}

	static class Events {

		final List<Object> received = new CopyOnWriteArrayList<>();

		@EventListener
		void avatarVerdict(WxAvatarVerdictEvent event) {
			this.received.add(event);
		}

		@EventListener
		void push(WxPushEvent event) {
			this.received.add(event);
		}

	}

}
