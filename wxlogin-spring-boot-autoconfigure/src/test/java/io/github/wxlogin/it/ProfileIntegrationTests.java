package io.github.wxlogin.it;

import java.util.HashMap;
import java.util.Map;

import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.test.UserProfileData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileIntegrationTests extends HostIntegrationTest {

	private static final String AVATAR = "https://example.com/avatar/1.png";

	private static final String GREY_AVATAR = "https://thirdwx.qlogo.cn/mmopen/vi_32/POgEwh4mIHO4nibH0KlMECNjjGxQUq24ZEaGT4poC6icRiccVGKSyXwibcPq4BWmiaIGuG1icwxaQX6grC9VemZoJ8rg/132";

	private Reply updateProfile(String token, Map<String, Object> profile) {
		return this.client.put("/wx/profile", token, profile);
	}

	@Test
	void nicknameAndAvatarAreSavedAndShownByMe() {
		String token = accessToken("openid-profile-1");
		Reply updated = updateProfile(token, Map.of("nickname", "  小明 🐱 ", "avatarUrl", AVATAR));
		assertThat(updated.status().value()).as(updated.body()).isEqualTo(200);
		assertThat(updated.text("nickname")).isEqualTo("小明 🐱");
		Reply me = this.client.get("/wx/me", token);
		assertThat(me.text("nickname")).isEqualTo("小明 🐱");
		assertThat(me.text("avatarUrl")).isEqualTo(AVATAR);
	}

	@Test
	void onlyTheGivenFieldChanges() {
		String token = accessToken("openid-profile-2");
		updateProfile(token, Map.of("nickname", "first", "avatarUrl", AVATAR));
		updateProfile(token, Map.of("nickname", "second"));
		Reply me = this.client.get("/wx/me", token);
		assertThat(me.text("nickname")).isEqualTo("second");
		assertThat(me.text("avatarUrl")).isEqualTo(AVATAR);
	}

	@Test
	void invalidFieldsAreRefusedAndNothingIsSaved() {
		String token = accessToken("openid-profile-3");
		updateProfile(token, Map.of("nickname", "kept", "avatarUrl", AVATAR));
		assertInvalid(token, Map.of("nickname", "   "));
		assertInvalid(token, Map.of("nickname", "x".repeat(65)));
		assertInvalid(token, Map.of("nickname", "bell\u0007"));
		assertInvalid(token, Map.of("nickname", 42));
		assertInvalid(token, Map.of("nickname", "ok", "avatarUrl", "http://example.com/a.png"));
		assertInvalid(token, Map.of("nickname", "ok", "avatarUrl", "javascript:alert(1)"));
		assertInvalid(token, Map.of("avatarUrl", "https://example.com/" + "a".repeat(1024)));
		assertInvalid(token, Map.of());
		Map<String, Object> nulls = new HashMap<>();
		nulls.put("nickname", null);
		assertInvalid(token, nulls);
		Reply me = this.client.get("/wx/me", token);
		assertThat(me.text("nickname")).isEqualTo("kept");
		assertThat(me.text("avatarUrl")).isEqualTo(AVATAR);
	}

	@Test
	void nicknameOfSixtyFourCharactersIsAccepted() {
		String token = accessToken("openid-profile-4");
		assertThat(updateProfile(token, Map.of("nickname", "好".repeat(64))).status().value()).isEqualTo(200);
	}

	private void assertInvalid(String token, Map<String, Object> profile) {
		assertProblem(updateProfile(token, profile), 400, "invalid_request");
	}

	@Test
	void signedLegacyProfileIsVerifiedAndSaved() {
		String token = accessToken("openid-legacy-1");
		UserProfileData data = this.fake.userProfileData("openid-legacy-1", "Band", "https://wx.qlogo.cn/mmopen/a/0");
		Reply reply = this.client.post("/wx/profile/wechat", token, Map.of("rawData", data.rawData(), "signature",
				data.signature(), "encryptedData", data.encryptedData(), "iv", data.iv()));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		assertThat(reply.text("nickname")).isEqualTo("Band");
		assertThat(reply.text("avatarUrl")).isEqualTo("https://wx.qlogo.cn/mmopen/a/0");
	}

	@Test
	void signedLegacyProfileWithoutEncryptedDataIsVerifiedAndSaved() {
		String token = accessToken("openid-legacy-2");
		UserProfileData data = this.fake.userProfileData("openid-legacy-2", "Raw", "https://wx.qlogo.cn/mmopen/b/0");
		Reply reply = this.client.post("/wx/profile/wechat", token,
				Map.of("rawData", data.rawData(), "signature", data.signature()));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		assertThat(reply.text("nickname")).isEqualTo("Raw");
	}

	@Test
	void tamperedRawDataIsSessionKeyExpiredAndChangesNothing() {
		String token = accessToken("openid-legacy-3");
		updateProfile(token, Map.of("nickname", "kept"));
		UserProfileData data = this.fake.userProfileData("openid-legacy-3", "Band", "https://wx.qlogo.cn/mmopen/a/0");
		String tampered = data.rawData().replace("Band", "Evil");
		assertProblem(this.client.post("/wx/profile/wechat", token,
				Map.of("rawData", tampered, "signature", data.signature())), 401, "session_key_expired");
		assertThat(this.client.get("/wx/me", token).text("nickname")).isEqualTo("kept");
	}

	@Test
	void dataSignedWithAStaleSessionKeyIsSessionKeyExpired() {
		String token = accessToken("openid-legacy-4");
		UserProfileData data = this.fake.userProfileData("openid-legacy-4", "Band", "https://wx.qlogo.cn/mmopen/a/0");
		login("openid-legacy-4");
		assertProblem(this.client.post("/wx/profile/wechat", token,
				Map.of("rawData", data.rawData(), "signature", data.signature())), 401, "session_key_expired");
	}

	@Test
	void anonymousPlaceholdersDoNotReplaceARealProfile() {
		String token = accessToken("openid-legacy-5");
		updateProfile(token, Map.of("nickname", "real", "avatarUrl", AVATAR));
		UserProfileData data = this.fake.userProfileData("openid-legacy-5", "微信用户", GREY_AVATAR);
		Reply reply = this.client.post("/wx/profile/wechat", token, Map.of("rawData", data.rawData(), "signature",
				data.signature(), "encryptedData", data.encryptedData(), "iv", data.iv()));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		assertThat(reply.text("nickname")).isEqualTo("real");
		assertThat(reply.text("avatarUrl")).isEqualTo(AVATAR);
	}

	@Test
	void malformedLegacyFieldsAreInvalidRequest() {
		String token = accessToken("openid-legacy-6");
		UserProfileData data = this.fake.userProfileData("openid-legacy-6", "Band", "https://wx.qlogo.cn/mmopen/a/0");
		assertLegacyInvalid(token, Map.of("rawData", "not json", "signature", data.signature()));
		assertLegacyInvalid(token, Map.of("signature", data.signature()));
		assertLegacyInvalid(token, Map.of("rawData", data.rawData()));
		assertLegacyInvalid(token, Map.of("rawData", "x".repeat(5000), "signature", data.signature()));
		assertLegacyInvalid(token, Map.of("rawData", data.rawData(), "signature", data.signature(), "encryptedData",
				"%%%", "iv", data.iv()));
	}

	private void assertLegacyInvalid(String token, Map<String, Object> body) {
		assertProblem(this.client.post("/wx/profile/wechat", token, body), 400, "invalid_request");
	}

}
