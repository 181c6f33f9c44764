package io.github.wxlogin.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The body of a refresh: {@code {"refreshToken"}}.
 *
 * @param refreshToken the refresh token to spend
 */
public record RefreshRequest(String refreshToken) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static RefreshRequest read(Map<String, Object> body) {
		return new RefreshRequest(RequestFields.required(body, "refreshToken"));
	}

	@Override
	public String toString() {
		return "RefreshRequest[]";
	}

}
