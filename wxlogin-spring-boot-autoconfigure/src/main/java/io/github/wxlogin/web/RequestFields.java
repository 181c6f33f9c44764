package io.github.wxlogin.web;

import java.util.Map;

import io.github.wxlogin.login.WxLoginException;
import io.github.wxlogin.login.WxLoginException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of a JSON request body into a request record and rejects what is missing, blank, not
 * a string, too long or holds control characters, as {@code invalid_request}.
 */
final class RequestFields {

	/** Longest field the contract accepts. */
	static final int MAX_LENGTH = 512;

	/** Encrypted profile or phone data is a few hundred bytes; this leaves ample room. */
	static final int MAX_ENCRYPTED_LENGTH = 8192;

	private RequestFields() {
	}

	static String required(Map<String, Object> body, String name) {
		return required(body, name, MAX_LENGTH);
	}

	static String required(Map<String, Object> body, String name, int maxLength) {
		String value = optional(body, name, maxLength);
		if (value == null) {
			throw invalid("'" + name + "' is required.");
		}
		return value;
	}

	static @Nullable String optional(Map<String, Object> body, String name) {
		return optional(body, name, MAX_LENGTH);
	}

	static @Nullable String optional(Map<String, Object> body, String name, int maxLength) {
		Object value = body.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw invalid("'" + name + "' must be a string.");
		}
		if (text.isBlank()) {
			throw invalid("'" + name + "' must not be blank.");
		}
		if (text.length() > maxLength) {
			throw invalid("'" + name + "' is longer than " + maxLength + " characters.");
		}
		if (text.chars().anyMatch(Character::isISOControl)) {
			throw invalid("'" + name + "' must not contain control characters.");
		}
		return text;
	}

	private static WxLoginException invalid(String detail) {
		return new WxLoginException(Reason.INVALID_REQUEST, detail);
	}

}
