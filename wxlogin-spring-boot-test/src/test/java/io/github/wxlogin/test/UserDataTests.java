package io.github.wxlogin.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the encrypted and signed user data of {@link FakeWeChatServer}, decrypted as
 * an application server decrypts it.
 */
class UserDataTests {

	private static final String OFFICIAL_RAW_DATA = "{\"nickName\":\"Band\",\"gender\":1,\"language\":\"zh_CN\","
			+ "\"city\":\"Guangzhou\",\"province\":\"Guangdong\",\"country\":\"CN\",\"avatarUrl\":"
			+ "\"http://wx.qlogo.cn/mmopen/vi_32/1vZvI39NWFQ9XM4LtQpFrQJ1xlgZxx3w7bQxKARol6503Iuswjjn6nIGBiaycAjAtpujxyzYsrztuuICqIM5ibXQ/0\"}";

	@RegisterExtension
	static FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	@Test
	void rawDataSignatureMatchesTheOfficialExample() {
		assertThat(WeChatCrypto.rawDataSignature(OFFICIAL_RAW_DATA, "HyVFkGl5F5OQWJZZaNzBBg=="))
			.isEqualTo("75e81ceda165f4ffa64f4068af58c64b8f54b88c");
	}

	@Test
	void encryptedPhoneDataDecryptsWithTheSessionKey() throws Exception {
		wechat.server().issueLoginCode("openid-1");
		EncryptedData data = wechat.server().encryptedPhoneData("openid-1", "+85261234567");
		JsonNode phone = decrypt(wechat.server().sessionKeyOf("openid-1"), data.encryptedData(), data.iv());
		assertThat(phone.get("phoneNumber").asString()).isEqualTo("+85261234567");
		assertThat(phone.get("purePhoneNumber").asString()).isEqualTo("61234567");
		assertThat(phone.get("countryCode").asString()).isEqualTo("852");
		assertThat(phone.get("watermark").get("appid").asString()).isEqualTo(wechat.server().appid());
		assertThat(phone.get("watermark").get("timestamp").asLong()).isPositive();
	}

	@Test
	void encryptedPhoneDataCanCarryAForeignWatermark() throws Exception {
		wechat.server().issueLoginCode("openid-2");
		EncryptedData data = wechat.server().encryptedPhoneData("openid-2", "13800138000", "wxforeign");
		JsonNode phone = decrypt(wechat.server().sessionKeyOf("openid-2"), data.encryptedData(), data.iv());
		assertThat(phone.get("watermark").get("appid").asString()).isEqualTo("wxforeign");
	}

	@Test
	void userProfileDataIsSignedAndEncryptedWithTheSessionKey() throws Exception {
		wechat.server().issueLoginCode("openid-3", "union-3");
		UserProfileData data = wechat.server().userProfileData("openid-3", "小明", "https://example.com/a.png");
		String sessionKey = wechat.server().sessionKeyOf("openid-3");
		assertThat(data.rawData()).isEqualTo("{\"nickName\":\"小明\",\"gender\":0,\"language\":\"zh_CN\",\"city\":\"\","
				+ "\"province\":\"\",\"country\":\"\",\"avatarUrl\":\"https://example.com/a.png\"}");
		assertThat(data.signature()).isEqualTo(WeChatCrypto.rawDataSignature(data.rawData(), sessionKey));
		JsonNode profile = decrypt(sessionKey, data.encryptedData(), data.iv());
		assertThat(profile.get("openId").asString()).isEqualTo("openid-3");
		assertThat(profile.get("unionId").asString()).isEqualTo("union-3");
		assertThat(profile.get("nickName").asString()).isEqualTo("小明");
		assertThat(profile.get("avatarUrl").asString()).isEqualTo("https://example.com/a.png");
		assertThat(profile.get("watermark").get("appid").asString()).isEqualTo(wechat.server().appid());
	}

	@Test
	void userProfileDataOfAUserWithoutUnionidHasNone() throws Exception {
		wechat.server().issueLoginCode("openid-4");
		UserProfileData data = wechat.server().userProfileData("openid-4", "Band", "https://example.com/b.png");
		assertThat(decrypt(wechat.server().sessionKeyOf("openid-4"), data.encryptedData(), data.iv()).has("unionId"))
			.isFalse();
	}

	@Test
	void userProfileDataOfAnotherMiniProgramIsEncryptedWithItsSessionKeyAndCarriesItsAppid() throws Exception {
		wechat.server().addApp("wxprofile0000002", "profile-secret");
		wechat.server().issueLoginCode("wxprofile0000002", "openid-b", "union-b");
		UserProfileData data = wechat.server()
			.userProfileData("wxprofile0000002", "openid-b", "小红", "https://example.com/c.png");
		String sessionKey = wechat.server().sessionKeyOf("wxprofile0000002", "openid-b");
		assertThat(data.signature()).isEqualTo(WeChatCrypto.rawDataSignature(data.rawData(), sessionKey));
		JsonNode profile = decrypt(sessionKey, data.encryptedData(), data.iv());
		assertThat(profile.get("openId").asString()).isEqualTo("openid-b");
		assertThat(profile.get("watermark").get("appid").asString()).isEqualTo("wxprofile0000002");
		assertThatIllegalStateException()
			.isThrownBy(() -> wechat.server().userProfileData("openid-b", "小红", "https://example.com/c.png"))
			.withMessageContaining("never logged in");
	}

	@Test
	void userDataOfAUserWhoNeverLoggedInIsRefused() {
		assertThat(wechat.server().sessionKeyOf("stranger")).isNull();
		assertThatIllegalStateException()
			.isThrownBy(() -> wechat.server().encryptedPhoneData("stranger", "13800138000"))
			.withMessageContaining("never logged in");
	}

	private static JsonNode decrypt(String sessionKey, String encryptedData, String iv) throws Exception {
		Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(sessionKey), "AES"),
				new IvParameterSpec(Base64.getDecoder().decode(iv)));
		byte[] plaintext = cipher.doFinal(Base64.getDecoder().decode(encryptedData));
		return JsonMapper.builder().build().readTree(new String(plaintext, StandardCharsets.UTF_8));
	}

}
