package io.github.wxlogin.test;

import java.time.Clock;

import org.jspecify.annotations.Nullable;

/**
 * Creates the signed and encrypted user data that older clients receive and pass on to
 * the application server.
 */
final class UserDataFactory {

	private static final int GENDER_UNKNOWN = 0;

	private static final String LANGUAGE = "zh_CN";

	private final Clock clock;

	UserDataFactory(Clock clock) {
		this.clock = clock;
	}

	EncryptedData encryptedPhone(MiniProgramUsers.User user, PhoneNumber phone, String watermarkAppid) {
		PhoneInfo phoneInfo = PhoneInfo.of(phone, Watermark.now(this.clock, watermarkAppid));
		return WeChatCrypto.encrypt(user.sessionKey(), Json.write(phoneInfo));
	}

	UserProfileData userProfile(MiniProgramUsers.User user, String nickname, String avatarUrl,
			String watermarkAppid) {
		String rawData = Json.write(new RawData(nickname, GENDER_UNKNOWN, LANGUAGE, "", "", "", avatarUrl));
		String signature = WeChatCrypto.rawDataSignature(rawData, user.sessionKey());
		UserInfo userInfo = new UserInfo(user.openid(), nickname, GENDER_UNKNOWN, LANGUAGE, "", "", "", avatarUrl,
				user.unionid(), Watermark.now(this.clock, watermarkAppid));
		EncryptedData encrypted = WeChatCrypto.encrypt(user.sessionKey(), Json.write(userInfo));
		return new UserProfileData(rawData, signature, encrypted.encryptedData(), encrypted.iv());
	}

	record RawData(String nickName, int gender, String language, String city, String province, String country,
			String avatarUrl) {
	}

	record UserInfo(String openId, String nickName, int gender, String language, String city, String province,
			String country, String avatarUrl, @Nullable String unionId, Watermark watermark) {
	}

}
