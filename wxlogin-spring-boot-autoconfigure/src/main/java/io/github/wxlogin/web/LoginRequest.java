package io.github.wxlogin.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wxlogin.login.SignInRequest;
import io.github.wxlogin.session.WxLoginDevice;
import io.github.wxlogin.session.WxLoginOrigin;
import org.jspecify.annotations.Nullable;

/**
 * The body of a login: {@code {"code", "appid"?, "device"?}}.
 *
 * @param code the one-time code of {@code wx.login()}
 * @param appid the mini program's AppID, when several are served
 * @param device the device label the client sent, shown in the session list
 */
public record LoginRequest(String code, @Nullable String appid, @Nullable WxLoginDevice device) {

	/** AppIDs are 18 characters; this leaves room without accepting anything long. */
	static final int MAX_APPID_LENGTH = 64;

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static LoginRequest read(Map<String, Object> body) {
		return new LoginRequest(RequestFields.required(body, "code"),
				RequestFields.optional(body, "appid", MAX_APPID_LENGTH), RequestFields.device(body));
	}

	SignInRequest toSignIn(ClientAddress client) {
		return new SignInRequest(this.code, client.appid(this.appid), client.origin(this.device));
	}

	@Override
	public String toString() {
		return "LoginRequest[appid=" + this.appid + "]";
	}

}
