package io.github.wxlogin.wechat;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Turns WeChat's errcodes into typed exceptions, and says what an operator must fix when WeChat refuses
 * the mini program's own configuration.
 */
final class WxErrcodes {

	static final int BUSY = -1;

	static final String PHONE_NUMBER = "getuserphonenumber";

	private static final Log logger = LogFactory.getLog(WxErrcodes.class);

	private WxErrcodes() {
	}

	static WxApiException toException(String api, int errcode, String errmsg) {
		// errmsg ends with WeChat's request id ("rid: ..."), which WeChat's support asks for
		String message = "WeChat refused the call: " + errmsg;
		if (PHONE_NUMBER.equals(api) && errcode == 40013) {
			// Here 40013 means the phone code was made for another mini program, not a wrong AppID
			return new WxInvalidCodeException(api, errcode, message);
		}
		return switch (errcode) {
			case 40029, 40163, 41008 -> new WxInvalidCodeException(api, errcode, message);
			case 45011 -> new WxRateLimitedException(api, errcode, message);
			case 40226 -> new WxRiskyUserException(api, errcode, message);
			case BUSY -> new WxBusyException(api, errcode, message);
			case 40001, 40014, 42001, 41001 -> new WxTokenRejectedException(api, errcode, message);
			case 40013, 40125, 40164, 40243, 45009, 89503, 41002, 41004 -> configurationError(api, errcode, message);
			default -> new WxApiException(api, errcode, message);
		};
	}

	private static WxConfigurationException configurationError(String api, int errcode, String message) {
		logger.error("WeChat refused the mini program's configuration on " + api + " (errcode " + errcode + "): "
				+ remedy(errcode) + ". " + message);
		return new WxConfigurationException(api, errcode, message);
	}

	static String remedy(int errcode) {
		return switch (errcode) {
			case 40013 -> "the AppID is not valid; check wx.login.appid";
			case 40125 -> "the AppSecret is not valid; check wx.login.secret, or reset it in the WeChat admin console";
			case 40164 -> "this server's IP address is not in the mini program's IP whitelist; add it in the WeChat "
					+ "admin console (Development > Development Settings)";
			case 40243 -> "the AppSecret is frozen; unfreeze or reset it in the WeChat admin console";
			case 45009 -> "the daily quota of access-token calls is spent; it resets at midnight (Beijing time)";
			case 89503 -> "an administrator must confirm this server's IP address in the WeChat admin console";
			case 41002, 41004 -> "wx.login.appid or wx.login.secret is empty";
			default -> "see WeChat's documentation of this errcode";
		};
	}

}
