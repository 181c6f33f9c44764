package io.github.wxlogin.wechat;

import io.github.wxlogin.wechat.WxApiException.Reason;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Turns WeChat's errcodes into {@link WxApiException}s with their reasons, and says what an operator must
 * fix when WeChat refuses the mini program's own configuration.
 */
final class WxErrcodes {

	static final int BUSY = -1;

	static final String PHONE_NUMBER = "getuserphonenumber";

	static final String MEDIA_CHECK_ASYNC = "media_check_async";

	private static final Log logger = LogFactory.getLog(WxErrcodes.class);

	private WxErrcodes() {
	}

	static WxApiException toException(String api, int errcode, String errmsg) {
		// errmsg ends with WeChat's request id ("rid: ..."), which WeChat's support asks for
		String message = "WeChat refused the call: " + errmsg;
		if (PHONE_NUMBER.equals(api) && errcode == 40013) {
			// Here 40013 means the phone code was made for another mini program, not a wrong AppID
			return new WxApiException(Reason.INVALID_CODE, api, errcode, message);
		}
		if (MEDIA_CHECK_ASYNC.equals(api) && (errcode == 44991 || errcode == 45009)) {
			// Here 45009 (like 44991) is the image check's own frequency limit, not the token quota
			return new WxApiException(Reason.RATE_LIMITED, api, errcode, message);
		}
		Reason reason = switch (errcode) {
			case 40029, 40163, 41008 -> Reason.INVALID_CODE;
			case 45011 -> Reason.RATE_LIMITED;
			case 40226 -> Reason.RISKY_USER;
			case BUSY -> Reason.BUSY;
			case 40001, 40014, 42001, 41001 -> Reason.TOKEN_REJECTED;
			case 40013, 40125, 40164, 40243, 45009, 89503, 41002, 41004 -> Reason.CONFIG_ERROR;
			default -> Reason.REFUSED;
		};
		if (reason == Reason.CONFIG_ERROR) {
			logger.error("WeChat refused the mini program's configuration on " + api + " (errcode " + errcode + "): "
					+ remedy(errcode) + ". " + message);
		}
		return new WxApiException(reason, api, errcode, message);
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
