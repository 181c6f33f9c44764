package io.github.wxlogin.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wxlogin.login.EncryptedData;

/**
 * The body of an older client's phone binding: {@code {"encryptedData", "iv"}}.
 *
 * @param encryptedData the encrypted phone data
 * @param iv its initialization vector
 */
public record EncryptedPhoneRequest(String encryptedData, String iv) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static EncryptedPhoneRequest read(Map<String, Object> body) {
		return new EncryptedPhoneRequest(
				RequestFields.required(body, "encryptedData", RequestFields.MAX_ENCRYPTED_LENGTH),
				RequestFields.required(body, "iv"));
	}

	EncryptedData toEncryptedData() {
		return new EncryptedData(this.encryptedData, this.iv);
	}

}
