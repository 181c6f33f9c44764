package io.github.wxlogin.wechat;

/**
 * WeChat's server API, the calls a mini program's back end needs. Every method throws a
 * {@link WxApiException} subtype when WeChat answers with an error or cannot be reached; none of them
 * ever puts the secret or a session key into an exception message.
 */
public interface WxApiClient {

	/**
	 * Exchange a {@code wx.login()} code for the user's session ({@code sns/jscode2session}). Needs no
	 * access token.
	 * @param app the mini program
	 * @param code the one-time code
	 * @return the session
	 */
	WxSession code2Session(WxApp app, String code);

	/**
	 * Fetch the stable access token ({@code cgi-bin/stable_token}).
	 * @param app the mini program
	 * @param forceRefresh whether to invalidate the current token and get a new one; WeChat allows this
	 * 20 times a day
	 * @return the token
	 */
	WxAccessToken stableAccessToken(WxApp app, boolean forceRefresh);

	/**
	 * Exchange a {@code getPhoneNumber} code for the user's phone number
	 * ({@code wxa/business/getuserphonenumber}).
	 * @param accessToken a valid access token of the mini program
	 * @param code the one-time phone code
	 * @param openid the user the code must belong to
	 * @return the phone number
	 */
	WxPhoneInfo phoneNumber(String accessToken, String code, String openid);

	/**
	 * Check a text written by the user with msgSecCheck v2 ({@code wxa/msg_sec_check}, scene 1).
	 * @param accessToken a valid access token of the mini program
	 * @param openid the author, who must have opened the mini program in the last two hours
	 * @param content the text
	 * @return WeChat's verdict
	 */
	WxContentVerdict msgSecCheck(String accessToken, String openid, String content);

	/**
	 * Ask whether a stored session key is still the user's current one ({@code wxa/checksession}).
	 * @param accessToken a valid access token of the mini program
	 * @param openid the user
	 * @param sessionKey the session key to check
	 * @return whether WeChat accepted the session key's signature
	 */
	boolean checkSession(String accessToken, String openid, String sessionKey);

}
