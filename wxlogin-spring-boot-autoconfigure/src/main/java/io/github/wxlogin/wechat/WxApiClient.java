package io.github.wxlogin.wechat;

import org.jspecify.annotations.Nullable;

/**
 * WeChat's server API, the calls a mini program's back end needs. The calls that need WeChat's access
 * token get it themselves (from a {@link WxAccessTokenProvider}, in the starter's client), so the token
 * never leaves this package. Every method throws a {@link WxApiException} when WeChat answers with an
 * error or cannot be reached; none of them ever puts the secret, a token or a session key into an
 * exception message.
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
	 * Exchange a {@code getPhoneNumber} code for the user's phone number
	 * ({@code wxa/business/getuserphonenumber}).
	 * @param app the mini program, whose access token the call needs
	 * @param code the one-time phone code
	 * @param openid the user the code must belong to
	 * @return the phone number
	 */
	WxPhoneInfo phoneNumber(WxApp app, String code, String openid);

	/**
	 * Check a text written by the user with msgSecCheck v2 ({@code wxa/msg_sec_check}, scene 1).
	 * @param app the mini program, whose access token the call needs
	 * @param openid the author, who must have opened the mini program in the last two hours
	 * @param content the text
	 * @return WeChat's verdict
	 */
	WxContentVerdict msgSecCheck(WxApp app, String openid, String content);

	/**
	 * Ask whether a stored session key is still the user's current one ({@code wxa/checksession}).
	 * @param app the mini program, whose access token the call needs
	 * @param openid the user
	 * @param sessionKey the session key to check
	 * @return whether WeChat accepted the session key's signature
	 */
	boolean checkSession(WxApp app, String openid, String sessionKey);

	/**
	 * Ask WeChat to check an image ({@code wxa/media_check_async}, media type 2 = image, version 2,
	 * scene 1 = profile). WeChat's servers fetch the image from its URL; the verdict arrives later as a
	 * {@code wxa_media_check} event on the mini program's message-push URL, carrying the trace id returned
	 * here.
	 * @param app the mini program, whose access token the call needs
	 * @param openid the user who chose the image, who must have opened the mini program in the last two
	 * hours
	 * @param mediaUrl a public URL of the image
	 * @return the trace id that the verdict will carry
	 */
	String mediaCheckAsync(WxApp app, String openid, String mediaUrl);

	/**
	 * Ask WeChat's verdict on a user about to register ({@code wxa/getuserriskrank}, scene 0). The
	 * default implementation refuses: a host's own client that does not make this call gives no verdict.
	 * @param app the mini program, whose access token the call needs
	 * @param openid the user
	 * @param clientIp the IP address the user's request came from
	 * @param mobile the user's phone number when known, or {@code null}
	 * @param test whether to ask in WeChat's test mode ({@code is_test}), whose quota is small
	 * @return the verdict
	 * @throws WxApiException with errcode 61010 when the user has not used the mini program recently
	 */
	default WxRiskRank riskRank(WxApp app, String openid, String clientIp, @Nullable String mobile, boolean test) {
		throw new WxApiException(WxApiException.Reason.REFUSED, "getuserriskrank", WxApiException.NO_ERRCODE,
				"this client does not ask for risk ranks");
	}

	/**
	 * Ask whether WeChat made a legacy {@code encryptedData} in the last three days
	 * ({@code wxa/business/checkencryptedmsg}). The default implementation refuses.
	 * @param app the mini program, whose access token the call needs
	 * @param encryptedData the Base64 {@code encryptedData} as the client sent it
	 * @return WeChat's answer
	 */
	default WxEncryptedDataCheck checkEncryptedData(WxApp app, String encryptedData) {
		throw new WxApiException(WxApiException.Reason.REFUSED, "checkencryptedmsg", WxApiException.NO_ERRCODE,
				"this client does not check encrypted data");
	}

}
