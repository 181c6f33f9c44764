package io.github.wxlogin.test;

import java.util.Map;

/**
 * The {@code errmsg} texts WeChat pairs with its error codes.
 */
final class ErrorMessages {

	private static final Map<Integer, String> MESSAGES = Map.ofEntries(
			Map.entry(-1, "system error"),
			Map.entry(1, "encrypted msg not found or expired"),
			Map.entry(40001, "invalid credential, access_token is invalid or not latest"),
			Map.entry(40002, "invalid grant_type"),
			Map.entry(40003, "invalid openid"),
			Map.entry(40013, "invalid appid"),
			Map.entry(40014, "invalid access_token"),
			Map.entry(40029, "invalid code"),
			Map.entry(40125, "invalid appsecret"),
			Map.entry(40163, "code been used"),
			Map.entry(40164, "invalid ip, not in whitelist"),
			Map.entry(40226, "invalid user, high risk"),
			Map.entry(40129, "invalid scene"),
			Map.entry(40230, "missing Wechatmp-Serial"),
			Map.entry(40231, "missing Wechatmp-TimeStamp"),
			Map.entry(40232, "missing Wechatmp-Signature"),
			Map.entry(40233, "missing Wechatmp-Appid"),
			Map.entry(40234, "invalid signature"),
			Map.entry(40235, "invalid encryption"),
			Map.entry(40236, "invalid appid"),
			Map.entry(40237, "appid not match access_token"),
			Map.entry(40238, "invalid symmetric key"),
			Map.entry(40239, "invalid public key"),
			Map.entry(40240, "invalid timestamp"),
			Map.entry(40243, "appsecret is frozen"),
			Map.entry(41001, "access_token missing"),
			Map.entry(41002, "appid missing"),
			Map.entry(41004, "appsecret missing"),
			Map.entry(41008, "missing code"),
			Map.entry(42001, "access_token expired"),
			Map.entry(43104, "appid and openid not match"),
			Map.entry(44002, "empty post data"),
			Map.entry(44991, "exceeded the frequency limit"),
			Map.entry(45009, "reach max api daily quota limit"),
			Map.entry(45011, "api minute-quota reach limit  mustslower  retry next minute"),
			Map.entry(47001, "data format error"),
			Map.entry(48001, "api unauthorized"),
			Map.entry(61010, "user has not visited the mini program recently"),
			Map.entry(87009, "invalid signature"),
			Map.entry(89503, "ip needs admin confirmation"));

	private ErrorMessages() {
	}

	static String of(int errcode) {
		return MESSAGES.getOrDefault(errcode, "error");
	}

}
