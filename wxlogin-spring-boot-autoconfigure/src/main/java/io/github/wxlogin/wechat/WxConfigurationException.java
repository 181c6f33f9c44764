package io.github.wxlogin.wechat;

/**
 * WeChat refused the mini program's own credentials or server: wrong appid or secret, IP not in the whitelist, frozen secret, token quota spent (40013, 40125, 40164, 40243, 45009, 89503). Retrying does not help; an operator must fix the configuration.
 */
public class WxConfigurationException extends WxApiException {

	public WxConfigurationException(String api, int errcode, String message) {
		super(api, errcode, message);
	}

}
