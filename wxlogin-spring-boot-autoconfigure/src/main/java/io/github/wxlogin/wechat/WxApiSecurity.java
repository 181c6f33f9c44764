package io.github.wxlogin.wechat;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.SecretKey;

/**
 * A mini program's settings of WeChat's API security ("API 安全", admin console: Development > Development
 * Settings > API Security): the calls to its secured paths are encrypted (AES-256-GCM) and signed
 * (RSA-PSS), and their replies verified with WeChat's platform certificate and decrypted. No key appears in
 * {@link #toString()}.
 *
 * @param symmetricKey the AES-256 key WeChat and the app share
 * @param symmetricSn the symmetric key's number (SN) shown in the console
 * @param appPrivateKey the app's RSA private key, whose public half the console holds
 * @param appKeySn the number (SN) of the app's key pair shown in the console
 * @param platformKeys the public keys of WeChat's platform certificates, by their console numbers: one, or
 * two while WeChat rolls its certificate over
 * @param sendSerial whether requests carry the app key's SN as {@code Wechatmp-Serial}
 * @param securedPaths the API paths whose calls are secured, such as {@code /wxa/msg_sec_check}
 * @param settingsName where the settings were configured, such as
 * {@code wx.login.apps.shop.api-security}: log lines name the setting to fix from it
 */
public record WxApiSecurity(SecretKey symmetricKey, String symmetricSn, PrivateKey appPrivateKey, String appKeySn,
		Map<String, PublicKey> platformKeys, boolean sendSerial, Set<String> securedPaths, String settingsName) {

	/**
	 * The paths the starter calls that WeChat's API security covers: the phone number, msgSecCheck,
	 * mediaCheckAsync, getuserriskrank and checkencryptedmsg (jscode2session, checkSession and the access
	 * token are not covered).
	 */
	public static final List<String> DEFAULT_SECURED_PATHS = List.of("/wxa/business/getuserphonenumber",
			"/wxa/msg_sec_check", "/wxa/media_check_async", "/wxa/getuserriskrank",
			"/wxa/business/checkencryptedmsg");

	/** The length in bytes of an AES-256 key. */
	static final int SYMMETRIC_KEY_LENGTH = 32;

	/**
	 * Check and copy the settings.
	 * @throws IllegalArgumentException if the symmetric key is not an AES-256 key, the private key not an RSA
	 * key, or there is no platform key, or one that is not RSA
	 */
	public WxApiSecurity {
		if (!"AES".equalsIgnoreCase(symmetricKey.getAlgorithm()) || symmetricKey.getEncoded() == null
				|| symmetricKey.getEncoded().length != SYMMETRIC_KEY_LENGTH) {
			throw new IllegalArgumentException("the symmetric key is not an AES-256 key (32 bytes)");
		}
		if (!"RSA".equals(appPrivateKey.getAlgorithm())) {
			throw new IllegalArgumentException("the app's private key is " + appPrivateKey.getAlgorithm()
					+ ", not RSA");
		}
		if (platformKeys.isEmpty()) {
			throw new IllegalArgumentException("no platform certificate is given");
		}
		platformKeys.forEach((number, key) -> {
			if (!"RSA".equals(key.getAlgorithm())) {
				throw new IllegalArgumentException("the platform certificate numbered " + number + " has a "
						+ key.getAlgorithm() + " key, not RSA");
			}
		});
		platformKeys = Collections.unmodifiableMap(new LinkedHashMap<>(platformKeys));
		securedPaths = Collections.unmodifiableSet(new LinkedHashSet<>(securedPaths));
	}

	/**
	 * Whether calls to a path are secured.
	 * @param path the API's path, such as {@code /wxa/msg_sec_check}
	 * @return whether its calls are encrypted and signed
	 */
	public boolean secures(String path) {
		return this.securedPaths.contains(path);
	}

	@Override
	public String toString() {
		return "WxApiSecurity[symmetricSn=" + this.symmetricSn + ", appKeySn=" + this.appKeySn
				+ ", platformCertificates=" + this.platformKeys.keySet() + ", sendSerial=" + this.sendSerial
				+ ", securedPaths=" + this.securedPaths + "]";
	}

}
