package io.github.wxlogin.web;

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

	/** A signed profile is a few hundred characters; this leaves ample room. */
	private static final int MAX_RAW_DATA_LENGTH = 4096;

	static WxLegacyProfile verify(Map<String, Object> body, String sessionKey, String appid) {
		String rawData = RequestFields.required(body, "rawData", MAX_RAW_DATA_LENGTH);
		String signature = RequestFields.required(body, "signature");
		String encryptedData = RequestFields.optional(body, "encryptedData", WxLegacyData.MAX_ENCRYPTED_LENGTH);
		String iv = RequestFields.optional(body, "iv", RequestFields.MAX_LENGTH);
		Map<String, Object> raw = WxLegacyData.parseOrNull(rawData);
		if (raw == null) {
			throw WxLoginException.invalidRequest("'rawData' is not a JSON object.");
		}
		if (!WxLegacyCrypto.signatureMatches(sessionKey, rawData, signature)) {
			throw WxLoginException.sessionExpired();
		}
		if (encryptedData == null || iv == null) {
			return new WxLegacyProfile(text(raw, "nickName"), text(raw, "avatarUrl"), null);
		}
		Map<String, Object> data = WxLegacyData.decrypt(sessionKey, encryptedData, iv, appid);
		return new WxLegacyProfile(text(data, "nickName"), text(data, "avatarUrl"), text(data, "unionId"));
	}

	private static @Nullable String text(Map<String, Object> data, String name) {
		return (data.get(name) instanceof String value && !value.isBlank()) ? value : null;
	}

}
