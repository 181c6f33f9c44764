package io.github.wxlogin.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of a JSON request body and rejects what is missing, blank, not a string, too long or
 * holds control characters, as {@code invalid_request}.
 */
final class RequestFields {

	/** Longest field the contract accepts. */
	static final int MAX_LENGTH = 512;

	private RequestFields() {
	}

	static String required(Map<String, Object> body, String name) {
		return required(body, name, MAX_LENGTH);
	}

	static String required(Map<String, Object> body, String name, int maxLength) {
		String value = optional(body, name, maxLength);
		if (value == null) {
			throw WxLoginException.invalidRequest("'" + name + "' is required.");
		}
		return value;
	}

	static @Nullable String optional(Map<String, Object> body, String name, int maxLength) {
		Object value = body.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw WxLoginException.invalidRequest("'" + name + "' must be a string.");
		}
		if (text.isBlank()) {
			throw WxLoginException.invalidRequest("'" + name + "' must not be blank.");
		}
		if (text.length() > maxLength) {
			throw WxLoginException.invalidRequest("'" + name + "' is longer than " + maxLength + " characters.");
		}
		if (text.chars().anyMatch(Character::isISOControl)) {
			throw WxLoginException.invalidRequest("'" + name + "' must not contain control characters.");
		}
		return text;
	}

}
