package io.github.wxlogin.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wxlogin.login.SignedProfile;
import org.jspecify.annotations.Nullable;

/**
 * The body of an older client's signed profile: {@code {"rawData", "signature", "encryptedData"?, "iv"?}}
 * from {@code wx.getUserProfile}.
 *
 * @param rawData the profile as JSON
 * @param signature its signature
 * @param encryptedData the encrypted profile
 * @param iv its initialization vector
 */
public record WeChatProfileRequest(String rawData, String signature, @Nullable String encryptedData,
		@Nullable String iv) {

	/** A signed profile is a few hundred characters; this leaves ample room. */
	private static final int MAX_RAW_DATA_LENGTH = 4096;

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static WeChatProfileRequest read(Map<String, Object> body) {
		return new WeChatProfileRequest(RequestFields.required(body, "rawData", MAX_RAW_DATA_LENGTH),
				RequestFields.required(body, "signature"),
				RequestFields.optional(body, "encryptedData", RequestFields.MAX_ENCRYPTED_LENGTH),
				RequestFields.optional(body, "iv"));
	}

	SignedProfile toSignedProfile() {
		return new SignedProfile(this.rawData, this.signature, this.encryptedData, this.iv);
	}

}
