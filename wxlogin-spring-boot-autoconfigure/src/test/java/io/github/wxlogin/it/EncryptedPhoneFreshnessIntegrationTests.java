package io.github.wxlogin.it;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.EncryptedData;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code wx.login.phone.check-encrypted-data}, an older client's encrypted phone data is bound only
 * once WeChat (checkencryptedmsg) confirms it made it recently: data encrypted with the right session key
 * but never made by WeChat, as a replay of old data would be, is refused.
 */
@TestPropertySource(properties = "wx.login.phone.check-encrypted-data=true")
class EncryptedPhoneFreshnessIntegrationTests extends HostIntegrationTest {

	@Test
	void dataWeChatMadeIsBound() {
		String token = accessToken("openid-fresh-1");
		EncryptedData data = this.fake.encryptedPhoneData("openid-fresh-1", "13800138601");
		Reply reply = this.client.post("/wx/phone/decrypt", token,
				Map.of("encryptedData", data.encryptedData(), "iv", data.iv()));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		assertThat(this.fake.callCount(Api.CHECK_ENCRYPTED_MSG)).isEqualTo(1);
	}

	@Test
	void dataWeChatDidNotMakeRecentlyIsRefused() throws Exception {
		String token = accessToken("openid-fresh-2");
		String plaintext = "{\"phoneNumber\":\"13800138602\",\"purePhoneNumber\":\"13800138602\",\"countryCode\":\"86\","
				+ "\"watermark\":{\"timestamp\":1600000000,\"appid\":\"" + this.fake.appid() + "\"}}";
		byte[] iv = new byte[16];
		new SecureRandom().nextBytes(iv);
		Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
		cipher.init(Cipher.ENCRYPT_MODE,
				new SecretKeySpec(Base64.getDecoder().decode(this.fake.sessionKeyOf("openid-fresh-2")), "AES"),
				new IvParameterSpec(iv));
		String encrypted = Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
		assertProblem(this.client.post("/wx/phone/decrypt", token,
				Map.of("encryptedData", encrypted, "iv", Base64.getEncoder().encodeToString(iv))), 400, "invalid_request");
		assertThat(this.client.get("/wx/me", token).json().has("phoneNumber")).isFalse();
	}

}
