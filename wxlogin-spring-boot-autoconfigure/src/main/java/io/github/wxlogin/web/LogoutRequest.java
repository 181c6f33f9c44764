package io.github.wxlogin.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;

/**
 * The optional body of a logout: {@code {"refreshToken"?}}.
 *
 * @param refreshToken the refresh token whose family ends
 */
public record LogoutRequest(@Nullable String refreshToken) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static LogoutRequest read(Map<String, Object> body) {
		return new LogoutRequest(RequestFields.optional(body, "refreshToken"));
	}

	@Override
	public String toString() {
		return "LogoutRequest[]";
	}

}
