package io.github.wxlogin.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;

/**
 * The optional body of a logout: {@code {"refreshToken"?, "all"?}}.
 *
 * @param refreshToken the refresh token whose family ends
 * @param all whether every session of the caller ends
 */
public record LogoutRequest(@Nullable String refreshToken, boolean all) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static LogoutRequest read(Map<String, Object> body) {
		return new LogoutRequest(RequestFields.optional(body, "refreshToken"), RequestFields.flag(body, "all"));
	}

	@Override
	public String toString() {
		return "LogoutRequest[all=" + this.all + "]";
	}

}
