package io.github.wxlogin.sample.demo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

import io.github.wxlogin.http.WxErrorCode;
import io.github.wxlogin.http.WxProblem;
import io.github.wxlogin.test.EncryptedData;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.UserProfileData;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plays the WeChat client's part for the demo page, which has no WeChat client to ask: hands out the
 * login codes, phone codes and signed or encrypted user data that {@code wx.login()}, the phone button
 * and {@code wx.getUserProfile} would give a mini program. Exists only in demo mode, and answers only
 * to a client on this machine: anyone who can reach these endpoints can log in as anyone.
 */
@RestController
@RequestMapping("/demo")
@ConditionalOnBean(FakeWeChatServer.class)
class DemoWeChatClientController {

	private final FakeWeChatServer wechat;

	DemoWeChatClientController(FakeWeChatServer wechat) {
		this.wechat = wechat;
	}

	/**
	 * Runs before every endpoint here: refuses a client that is not on this machine, or that came through
	 * a proxy (which would make every client look local).
	 */
	@ModelAttribute
	void onlyFromThisMachine(HttpServletRequest request) throws UnknownHostException {
		boolean forwarded = request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null;
		if (forwarded || !InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
			throw new NotThisMachineException();
		}
	}

	@GetMapping("/info")
	DemoInfo info() {
		return new DemoInfo(this.wechat.appid(), this.wechat.baseUrl());
	}

	/**
	 * What {@code wx.login()} gives the mini program.
	 */
	@PostMapping("/wx-login")
	Code loginCode(@RequestBody UserRequest request) {
		return new Code(this.wechat.issueLoginCode(required(request.openid(), "openid")));
	}

	/**
	 * What {@code <button open-type="getPhoneNumber">} gives the mini program.
	 */
	@PostMapping("/phone-code")
	Code phoneCode(@RequestBody PhoneRequest request) {
		return new Code(this.wechat.issuePhoneCode(required(request.phoneNumber(), "phoneNumber"),
				required(request.openid(), "openid")));
	}

	/**
	 * What the phone button gives older clients: the number encrypted with the session key.
	 */
	@PostMapping("/encrypted-phone")
	EncryptedData encryptedPhone(@RequestBody PhoneRequest request) {
		return this.wechat.encryptedPhoneData(required(request.openid(), "openid"),
				required(request.phoneNumber(), "phoneNumber"));
	}

	/**
	 * What {@code wx.getUserProfile} gives older clients: the profile signed and encrypted with the
	 * session key.
	 */
	@PostMapping("/user-profile")
	UserProfileData userProfile(@RequestBody ProfileRequest request) {
		return this.wechat.userProfileData(required(request.openid(), "openid"),
				required(request.nickname(), "nickname"), required(request.avatarUrl(), "avatarUrl"));
	}

	@ExceptionHandler(NotThisMachineException.class)
	ProblemDetail notThisMachine() {
		return WxProblem.of(WxErrorCode.FORBIDDEN,
				"The demo endpoints answer only to a browser on the machine that runs the demo.")
			.body();
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalidRequest(IllegalArgumentException ex) {
		return WxProblem.of(WxErrorCode.INVALID_REQUEST, Objects.toString(ex.getMessage(), "The request is not valid.")).body();
	}

	// The fake knows no session key for a user who never asked for a login code: the demo's own code,
	// not the starter's
	@ExceptionHandler(IllegalStateException.class)
	ProblemDetail notLoggedIn(IllegalStateException ex) {
		return problem(HttpStatus.CONFLICT, "not_logged_in", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String code, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("code", code);
		return problem;
	}

	private static String required(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("'" + name + "' is required.");
		}
		return value.trim();
	}

	/**
	 * A demo endpoint was called from another machine.
	 */
	static final class NotThisMachineException extends RuntimeException {

	}

	/**
	 * The demo's WeChat server.
	 *
	 * @param appid the demo mini program's AppID
	 * @param wechatBaseUrl where the fake WeChat server answers
	 */
	record DemoInfo(String appid, String wechatBaseUrl) {
	}

	/**
	 * A one-time code, as the WeChat client hands it to the mini program.
	 *
	 * @param code the code
	 */
	record Code(String code) {
	}

	/**
	 * A request for one user.
	 *
	 * @param openid the user's openid
	 */
	record UserRequest(@Nullable String openid) {
	}

	/**
	 * A request for a user's phone number.
	 *
	 * @param openid the user's openid
	 * @param phoneNumber a number such as {@code 13800138000}, or {@code +85261234567}
	 */
	record PhoneRequest(@Nullable String openid, @Nullable String phoneNumber) {
	}

	/**
	 * A request for a user's profile as WeChat would hand it out.
	 *
	 * @param openid the user's openid
	 * @param nickname the nickname
	 * @param avatarUrl the avatar URL
	 */
	record ProfileRequest(@Nullable String openid, @Nullable String nickname, @Nullable String avatarUrl) {
	}

}
