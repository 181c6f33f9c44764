package io.github.wxlogin.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wxlogin.login.PhoneSignInRequest;
import io.github.wxlogin.session.WxLoginDevice;
import org.jspecify.annotations.Nullable;

/**
 * The body of a phone-number login: {@code {"loginCode", "phoneCode", "appid"?, "device"?}}.
 *
 * @param loginCode the one-time code of {@code wx.login()}
 * @param phoneCode the one-time code of {@code <button open-type="getPhoneNumber">}
 * @param appid the mini program's AppID, when several are served
 * @param device the device label the client sent, shown in the session list
 */
public record PhoneLoginRequest(String loginCode, String phoneCode, @Nullable String appid,
		@Nullable WxLoginDevice device) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static PhoneLoginRequest read(Map<String, Object> body) {
		return new PhoneLoginRequest(RequestFields.required(body, "loginCode"),
				RequestFields.required(body, "phoneCode"),
				RequestFields.optional(body, "appid", LoginRequest.MAX_APPID_LENGTH), RequestFields.device(body));
	}

	PhoneSignInRequest toSignIn(ClientAddress client) {
		return new PhoneSignInRequest(this.loginCode, this.phoneCode, client.appid(this.appid),
				client.origin(this.device));
	}

	@Override
	public String toString() {
		return "PhoneLoginRequest[appid=" + this.appid + "]";
	}

}
