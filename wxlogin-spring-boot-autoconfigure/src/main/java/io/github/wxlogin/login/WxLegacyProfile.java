package io.github.wxlogin.login;

import java.util.Map;

import io.github.wxlogin.wechat.WxLegacyCrypto;
import org.jspecify.annotations.Nullable;

/**
 * The nickname and avatar of a signed {@code wx.getUserProfile} reply, taken only after its signature
 * verified under the caller's session key, and from its decrypted part when the client sent one.
 *
 * @param nickname the nickname WeChat gave
 * @param avatarUrl the avatar WeChat gave
 * @param unionid the unionid found in the decrypted data
 */
record WxLegacyProfile(@Nullable String nickname, @Nullable String avatarUrl, @Nullable String unionid) {

	static WxLegacyProfile verify(SignedProfile signed, String sessionKey, String appid) {
		Map<String, Object> raw = WxLegacyData.parseOrNull(signed.rawData());
		if (raw == null) {
			throw WxLoginException.invalidRequest("'rawData' is not a JSON object.");
		}
		if (!WxLegacyCrypto.signatureMatches(sessionKey, signed.rawData(), signed.signature())) {
			throw WxLoginException.sessionKeyExpired();
		}
		if (signed.encryptedData() == null || signed.iv() == null) {
			return new WxLegacyProfile(text(raw, "nickName"), text(raw, "avatarUrl"), null);
		}
		Map<String, Object> data = WxLegacyData.decrypt(sessionKey,
				new EncryptedData(signed.encryptedData(), signed.iv()), appid);
		return new WxLegacyProfile(text(data, "nickName"), text(data, "avatarUrl"), text(data, "unionId"));
	}

	private static @Nullable String text(Map<String, Object> data, String name) {
		return (data.get(name) instanceof String value && !value.isBlank()) ? value : null;
	}

}
