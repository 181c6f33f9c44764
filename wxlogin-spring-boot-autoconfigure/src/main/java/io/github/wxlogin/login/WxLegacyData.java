package io.github.wxlogin.login;

import java.util.Map;
import java.util.Optional;

import io.github.wxlogin.WxPhone;
import io.github.wxlogin.wechat.WxLegacyCrypto;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonParser;
import org.springframework.boot.json.JsonParserFactory;

/**
 * Opens the {@code encryptedData} of older clients and checks that WeChat made it for this mini program.
 */
final class WxLegacyData {

	private static final JsonParser json = JsonParserFactory.getJsonParser();

	private WxLegacyData() {
	}

	static Map<String, Object> decrypt(String sessionKey, EncryptedData encrypted, String appid) {
		Optional<String> plaintext;
		try {
			plaintext = WxLegacyCrypto.decrypt(sessionKey, encrypted.encryptedData(), encrypted.iv());
		}
		catch (IllegalArgumentException ex) {
			throw WxLoginException.invalidRequest(ex.getMessage() + ".");
		}
		// A stale key can also decrypt to well-padded garbage: only JSON with our watermark counts
		Map<String, Object> data = plaintext.map(WxLegacyData::parseOrNull).orElse(null);
		if (data == null) {
			throw WxLoginException.sessionKeyExpired();
		}
		if (!(data.get("watermark") instanceof Map<?, ?> watermark) || !appid.equals(watermark.get("appid"))) {
			throw WxLoginException.invalidRequest("The data was not made for this mini program.");
		}
		return data;
	}

	static WxPhone phone(Map<String, Object> data) {
		Object phoneNumber = data.get("phoneNumber");
		Object purePhoneNumber = data.get("purePhoneNumber");
		Object countryCode = data.get("countryCode");
		if (phoneNumber == null || purePhoneNumber == null || countryCode == null) {
			throw WxLoginException.invalidRequest("The data holds no phone number.");
		}
		return new WxPhone(phoneNumber.toString(), purePhoneNumber.toString(), countryCode.toString());
	}

	static @Nullable Map<String, Object> parseOrNull(String text) {
		try {
			return json.parseMap(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
