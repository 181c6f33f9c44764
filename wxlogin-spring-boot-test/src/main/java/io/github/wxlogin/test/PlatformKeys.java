package io.github.wxlogin.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake's platform keys and their certificates, handed out in turn: making an X.509 certificate takes
 * more than the JDK offers, so three self-signed ones ship with the kit, and each key handed out gets a
 * fresh console number.
 */
final class PlatformKeys {

	private static final int COUNT = 3;

	private final AtomicInteger next = new AtomicInteger();

	Key next() {
		int index = Math.floorMod(this.next.getAndIncrement(), COUNT) + 1;
		String certificate = resource("platform-" + index + ".crt");
		return new Key(new PlatformCertificate(SecuredApis.randomNumber(), certificate),
				privateKey(resource("platform-" + index + ".key")));
	}

	private static PrivateKey privateKey(String pem) {
		try {
			return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(pem)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String resource(String name) {
		try (InputStream in = PlatformKeys.class.getResourceAsStream("api-security/" + name)) {
			if (in == null) {
				throw new IllegalStateException("The test kit lacks its resource api-security/" + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A platform key and its certificate.
	 *
	 * @param certificate the certificate, with its console number
	 * @param privateKey the key that signs replies
	 */
	record Key(PlatformCertificate certificate, PrivateKey privateKey) {
	}

}
