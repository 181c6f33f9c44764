package io.github.wxlogin.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import io.github.wxlogin.wechat.WxApiSecurity;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.io.ApplicationResourceLoader;
import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.core.io.Resource;
import org.springframework.util.StreamUtils;

/**
 * Reads and checks a mini program's {@code api-security} properties into its {@link WxApiSecurity}: each
 * key and certificate is read and checked at start-up, and a wrong one fails it naming the property. No
 * message holds a key.
 */
final class WxApiSecuritySettings {

	private static final Log logger = LogFactory.getLog(WxApiSecuritySettings.class);

	private static final String CONSOLE = "the WeChat admin console (Development > Development Settings > API "
			+ "Security)";

	/** WeChat's keys are RSA-2048; a shorter key is not one the console made. */
	private static final int MIN_RSA_BITS = 2048;

	private static final int MAX_PLATFORM_CERTIFICATES = 2;

	private WxApiSecuritySettings() {
	}

	/**
	 * Read a mini program's API security settings.
	 * @param prefix the properties' prefix, such as {@code wx.login.apps.shop.api-security}
	 * @param properties the properties
	 * @return the settings, or {@code null} when API security is not configured
	 * @throws WxLoginPropertyException if a setting is missing or wrong
	 */
	static @Nullable WxApiSecurity read(String prefix, WxLoginProperties.ApiSecurity properties) {
		return read(prefix, properties, Clock.systemUTC());
	}

	static @Nullable WxApiSecurity read(String prefix, WxLoginProperties.ApiSecurity properties, Clock clock) {
		if (!properties.configured()) {
			return null;
		}
		SecretKeySpec symmetricKey = symmetricKey(prefix + ".symmetric-key", properties.symmetricKey());
		String symmetricSn = serialNumber(prefix + ".symmetric-sn", properties.symmetricSn(),
				"the symmetric key's number (SN)");
		PrivateKey privateKey = privateKey(prefix + ".private-key", properties.privateKey());
		String privateKeySn = serialNumber(prefix + ".private-key-sn", properties.privateKeySn(),
				"the number (SN) of the mini program's key pair");
		Map<String, PublicKey> platformKeys = platformKeys(prefix + ".platform-certificates",
				properties.platformCertificates(), privateKey, clock);
		Set<String> paths = new LinkedHashSet<>();
		for (String path : properties.securedPaths()) {
			if (!path.startsWith("/") || path.contains("?")) {
				throw new WxLoginPropertyException(prefix + ".secured-paths", "holds '" + path
						+ "', which is not an API path", "List paths such as /wxa/msg_sec_check, without host or query.");
			}
			paths.add(path);
		}
		return new WxApiSecurity(symmetricKey, symmetricSn, privateKey, privateKeySn, platformKeys,
				properties.sendSerial(), paths, prefix);
	}

	private static SecretKeySpec symmetricKey(String property, @Nullable String value) {
		String base64 = WxApiConfiguration.required(property, value, "the symmetric key of API security");
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new WxLoginPropertyException(property, "is not Base64", copyFromConsole(property, "symmetric key"));
		}
		if (key.length != 32) {
			throw new WxLoginPropertyException(property, "is " + key.length + " bytes, not the 32 of an AES-256 key",
					copyFromConsole(property, "symmetric key") + " Choose AES256 there: AES128 keys are not supported.");
		}
		return new SecretKeySpec(key, "AES");
	}

	private static String serialNumber(String property, @Nullable String value, String what) {
		String number = WxApiConfiguration.required(property, value, what + " of API security");
		if (!number.chars().allMatch(Character::isLetterOrDigit)) {
			throw new WxLoginPropertyException(property, "is not a number as the console shows it (letters and digits)",
					copyFromConsole(property, what));
		}
		return number;
	}

	private static PrivateKey privateKey(String property, @Nullable String value) {
		String action = "Set '" + property + "' to the PEM of the private key whose public half is registered in "
				+ CONSOLE + ", or to its location (file:/path/key.pem); the console's download (PKCS#1, '-----BEGIN "
				+ "RSA PRIVATE KEY-----') and PKCS#8 ('openssl pkcs8 -topk8 -nocrypt -in key.pem') both work.";
		String pem = pem(property, WxApiConfiguration.required(property, value, "the mini program's private key"),
				action);
		PrivateKey key;
		try {
			key = PemContent.of(pem).getPrivateKey();
		}
		catch (RuntimeException ex) {
			key = null;
		}
		if (key == null) {
			throw new WxLoginPropertyException(property, "holds no readable unencrypted private key", action);
		}
		if (!(key instanceof RSAKey rsa)) {
			throw new WxLoginPropertyException(property, "is a " + key.getAlgorithm() + " key, not RSA", action);
		}
		if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
			throw new WxLoginPropertyException(property, "is an RSA key of " + rsa.getModulus().bitLength()
					+ " bits; WeChat's are " + MIN_RSA_BITS, action);
		}
		return key;
	}

	private static Map<String, PublicKey> platformKeys(String property,
			@Nullable List<WxLoginProperties.PlatformCertificate> certificates, PrivateKey privateKey, Clock clock) {
		String action = "Add WeChat's platform certificate from " + CONSOLE + " with its number: '" + property
				+ "[0].number' and '" + property + "[0].certificate' (PEM text or a file's location); during a "
				+ "roll-over, the new one as [1].";
		if (certificates == null || certificates.isEmpty()) {
			throw new WxLoginPropertyException(property, "is empty", action);
		}
		if (certificates.size() > MAX_PLATFORM_CERTIFICATES) {
			throw new WxLoginPropertyException(property, "has " + certificates.size() + " certificates; WeChat "
					+ "signs with one, or two while it rolls its certificate over", "Remove the expired ones.");
		}
		Map<String, PublicKey> keys = new LinkedHashMap<>();
		boolean anyValid = false;
		for (int i = 0; i < certificates.size(); i++) {
			String entry = property + "[" + i + "]";
			WxLoginProperties.PlatformCertificate certificate = certificates.get(i);
			String number = serialNumber(entry + ".number", certificate.number(), "the platform certificate's number");
			X509Certificate x509 = certificate(entry + ".certificate", certificate.certificate(), action);
			PublicKey key = x509.getPublicKey();
			if (!(key instanceof RSAKey rsa) || rsa.getModulus().equals(((RSAKey) privateKey).getModulus())) {
				throw new WxLoginPropertyException(entry + ".certificate", "is not a WeChat platform certificate (its key "
						+ "is not RSA, or is the mini program's own key)", action);
			}
			try {
				x509.checkValidity(Date.from(clock.instant()));
				anyValid = true;
			}
			catch (CertificateExpiredException | CertificateNotYetValidException ex) {
				logger.warn("The platform certificate '" + entry + "' numbered " + number + " is not valid now ("
						+ x509.getNotBefore().toInstant() + " to " + x509.getNotAfter().toInstant() + ").");
			}
			if (keys.putIfAbsent(number, key) != null) {
				throw new WxLoginPropertyException(entry + ".number", "is given twice", action);
			}
		}
		if (!anyValid) {
			throw new WxLoginPropertyException(property, "holds no certificate valid now", action);
		}
		return keys;
	}

	private static X509Certificate certificate(String property, @Nullable String value, String action) {
		String pem = pem(property, WxApiConfiguration.required(property, value, "WeChat's platform certificate"),
				action);
		List<X509Certificate> certificates;
		try {
			certificates = PemContent.of(pem).getCertificates();
		}
		catch (RuntimeException ex) {
			certificates = List.of();
		}
		if (certificates.isEmpty()) {
			throw new WxLoginPropertyException(property, "holds no readable certificate ('-----BEGIN CERTIFICATE-----')",
					action);
		}
		return certificates.get(0);
	}

	/** The PEM text of a property that holds either PEM text or the location of a PEM file. */
	private static String pem(String property, String value, String action) {
		if (PemContent.isPresentInText(value)) {
			return value;
		}
		Resource resource = ApplicationResourceLoader.get().getResource(value);
		try (InputStream in = resource.getInputStream()) {
			return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new WxLoginPropertyException(property, "is neither PEM text nor the location of a readable file",
					action);
		}
	}

	private static String copyFromConsole(String property, String what) {
		return "Copy the " + what + " from " + CONSOLE + " into '" + property + "'.";
	}

}
