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

	static final String RISK_RANK = "getuserriskrank";

	static final String CHECK_ENCRYPTED_DATA = "checkencryptedmsg";

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
			case 40230, 40231, 40232, 40233, 40234, 40235, 40236, 40237, 40238, 40239, 40240 -> Reason.CONFIG_ERROR;
			default -> Reason.REFUSED;
		};
		if (reason == Reason.CONFIG_ERROR) {
			logger.error("WeChat refused the mini program's configuration on " + api + " (errcode " + errcode + "): "
					+ remedy(errcode) + ". " + message);
		}
		return new WxApiException(reason, api, errcode, message);
	}

	static boolean isApiSecurityError(int errcode) {
		return errcode >= 40230 && errcode <= 40240;
	}

	/**
	 * The error of WeChat's API security refusing a secured call (4023x): always the configuration's, logged
	 * as an ERROR that names the setting to fix.
	 * @param api the API's name
	 * @param appid the mini program
	 * @param settings where its API security is configured, such as {@code wx.login.api-security}
	 * @param errcode one of 40230 to 40240
	 * @param errmsg WeChat's message
	 * @return the exception to throw
	 */
	static WxApiException apiSecurityError(String api, String appid, String settings, int errcode, String errmsg) {
		String message = "WeChat refused the call: " + errmsg;
		logger.error("WeChat API security refused the call to " + api + " for " + appid + " (errcode " + errcode
				+ "): " + apiSecurityRemedy(errcode, settings) + ". " + message);
		return new WxApiException(Reason.CONFIG_ERROR, api, errcode, message);
	}

	static String apiSecurityRemedy(int errcode, String settings) {
		String console = " (WeChat admin console > Development > Development Settings > API Security)";
		return switch (errcode) {
			case 40230 -> "WeChat wants the app key's number in Wechatmp-Serial: set '" + settings
					+ ".send-serial=true' and check '" + settings + ".private-key-sn'";
			case 40231, 40232, 40233 -> "a Wechatmp-* header did not reach WeChat: a proxy between this server and "
					+ "WeChat may drop it";
			case 40234 -> "the signature does not verify with the public key WeChat holds: '" + settings
					+ ".private-key' is not the key pair registered in the console, or '" + settings
					+ ".private-key-sn' is not its number" + console;
			case 40235 -> "the encryption is not WeChat's: check '" + settings + ".symmetric-key' and '" + settings
					+ ".symmetric-sn'" + console;
			case 40236, 40237 -> "the AppID of the signed call is not the access token's: check the appid of the "
					+ "mini program that '" + settings + "' belongs to";
			case 40238 -> "no symmetric key is set in the console: create one there, then copy it to '" + settings
					+ ".symmetric-key' with its number in '" + settings + ".symmetric-sn'" + console;
			case 40239 -> "no public key is set in the console: upload the public half of '" + settings
					+ ".private-key' there" + console;
			case 40240 -> "WeChat finds the call's timestamp expired: check this server's clock (NTP)";
			default -> "see WeChat's documentation of this errcode";
		};
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
			case 40230, 40231, 40232, 40233, 40234, 40235, 40236, 40237, 40238, 40239, 40240 -> "the mini program's "
					+ "API security is on in the WeChat admin console, and this call was not secured as WeChat expects: "
					+ "configure 'wx.login.api-security' (or 'wx.login.apps.<name>.api-security') with the console's "
					+ "keys and certificate, and make sure the API's path is among its secured-paths";
			default -> "see WeChat's documentation of this errcode";
		};
	}

}
