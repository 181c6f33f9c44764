package io.github.wxlogin.test;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The material of a mini program's API security as WeChat's admin console shows it (Development >
 * Development Settings > API Security), made by the fake WeChat server when a test turns API security on:
 * the symmetric key and its number, the app's RSA private key (whose public half the fake holds) and its
 * number, and the fake's platform certificate with its number. A test hands it to the starter with
 * {@link #properties(String)}. Test material only: the keys are made fresh for each fake.
 *
 * @param appid the mini program
 * @param symmetricKey the AES-256 key, Base64
 * @param symmetricSn the symmetric key's number
 * @param privateKeyPkcs1 the app's private key as the console downloads it ({@code BEGIN RSA PRIVATE KEY})
 * @param privateKeyPkcs8 the same key as PKCS#8 ({@code BEGIN PRIVATE KEY})
 * @param privateKeySn the number of the app's key pair
 * @param platformCertificate the platform certificate replies are signed with
 */
public record ApiSecurityKeys(String appid, String symmetricKey, String symmetricSn, String privateKeyPkcs1,
		String privateKeyPkcs8, String privateKeySn, PlatformCertificate platformCertificate) {

	/**
	 * Return the starter's properties of this material, PKCS#1 key and one platform certificate, under a
	 * prefix.
	 * @param prefix the properties' prefix, such as {@code wx.login.api-security} or
	 * {@code wx.login.apps.shop.api-security}
	 * @return the properties, by name
	 */
	public Map<String, String> properties(String prefix) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(prefix + ".symmetric-key", this.symmetricKey);
		properties.put(prefix + ".symmetric-sn", this.symmetricSn);
		properties.put(prefix + ".private-key", this.privateKeyPkcs1);
		properties.put(prefix + ".private-key-sn", this.privateKeySn);
		properties.put(prefix + ".platform-certificates[0].number", this.platformCertificate.number());
		properties.put(prefix + ".platform-certificates[0].certificate", this.platformCertificate.pem());
		return properties;
	}

	@Override
	public String toString() {
		return "ApiSecurityKeys[appid=" + this.appid + ", symmetricSn=" + this.symmetricSn + ", privateKeySn="
				+ this.privateKeySn + ", platformCertificate=" + this.platformCertificate.number() + "]";
	}

}
