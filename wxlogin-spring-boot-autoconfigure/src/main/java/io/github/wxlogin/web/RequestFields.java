package io.github.wxlogin.web;

import java.util.Map;

import io.github.wxlogin.login.WxLoginException;
import io.github.wxlogin.login.WxLoginException.Reason;
import io.github.wxlogin.session.WxLoginDevice;
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

	/**
	 * Read the optional {@code "device": {"model", "platform", "system"}} of a login. Each field is a
	 * label the client chose, shown back to it: rather than refused, it is cleaned (control characters
	 * dropped) and cut to {@value WxLoginDevice#MAX_LENGTH} characters.
	 */
	static @Nullable WxLoginDevice device(Map<String, Object> body) {
		Object value = body.get("device");
		if (value == null) {
			return null;
		}
		if (!(value instanceof Map<?, ?> device)) {
			throw invalid("'device' must be an object.");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> fields = (Map<String, Object>) device;
		return WxLoginDevice.of(label(fields, "model"), label(fields, "platform"), label(fields, "system"));
	}

	private static @Nullable String label(Map<String, Object> fields, String name) {
		Object value = fields.get(name);
		if (value != null && !(value instanceof String)) {
			throw invalid("'device." + name + "' must be a string.");
		}
		return (String) value;
	}

	static boolean flag(Map<String, Object> body, String name) {
		Object value = body.get(name);
		if (value != null && !(value instanceof Boolean)) {
			throw invalid("'" + name + "' must be true or false.");
		}
		return Boolean.TRUE.equals(value);
	}

	private static WxLoginException invalid(String detail) {
		return new WxLoginException(Reason.INVALID_REQUEST, detail);
	}

}
