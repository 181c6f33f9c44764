package io.github.wxlogin.test;

import java.util.Arrays;
import java.util.Base64;

/**
 * PEM text of the keys the fake makes, and the PKCS#1 key inside an RSA PKCS#8 key (the format WeChat's
 * console downloads).
 */
final class Pem {

	private static final int SEQUENCE = 0x30;

	private static final int OCTET_STRING = 0x04;

	private Pem() {
	}

	static String encode(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	static byte[] decode(String pem) {
		return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
	}

	/**
	 * The PKCS#1 {@code RSAPrivateKey} inside a PKCS#8 {@code PrivateKeyInfo}: its last member, an OCTET
	 * STRING after the version and the algorithm.
	 */
	static byte[] pkcs1OfRsaPkcs8(byte[] pkcs8) {
		int[] position = { 0 };
		expect(pkcs8, position, SEQUENCE);
		length(pkcs8, position);
		skip(pkcs8, position);
		skip(pkcs8, position);
		expect(pkcs8, position, OCTET_STRING);
		int length = length(pkcs8, position);
		return Arrays.copyOfRange(pkcs8, position[0], position[0] + length);
	}

	private static void expect(byte[] der, int[] position, int tag) {
		if ((der[position[0]++] & 0xFF) != tag) {
			throw new IllegalArgumentException("not an RSA PKCS#8 key");
		}
	}

	private static void skip(byte[] der, int[] position) {
		position[0]++;
		int length = length(der, position);
		position[0] += length;
	}

	private static int length(byte[] der, int[] position) {
		int first = der[position[0]++] & 0xFF;
		if (first < 0x80) {
			return first;
		}
		int length = 0;
		for (int i = 0; i < (first & 0x7F); i++) {
			length = (length << 8) | (der[position[0]++] & 0xFF);
		}
		return length;
	}

}
