package io.github.wxlogin.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The body of a phone binding: {@code {"code"}} from {@code <button open-type="getPhoneNumber">}.
 *
 * @param code the one-time phone code
 */
public record PhoneRequest(String code) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static PhoneRequest read(Map<String, Object> body) {
		return new PhoneRequest(RequestFields.required(body, "code"));
	}

	@Override
	public String toString() {
		return "PhoneRequest[]";
	}

}
