package io.github.wxlogin.test;

import java.util.Set;

/**
 * A phone number as WeChat reports it.
 *
 * @param phoneNumber the number, with {@code +} and the country code outside China
 * @param purePhoneNumber the number without country code
 * @param countryCode the country calling code, such as {@code 86}
 */
record PhoneNumber(String phoneNumber, String purePhoneNumber, String countryCode) {

	private static final String CHINA = "86";

	// E.164 calling codes are prefix-free: 1 and 7 are one digit, these two, all others three
	private static final Set<String> TWO_DIGIT_CODES = Set.of("20", "27", "30", "31", "32", "33", "34", "36",
			"39", "40", "41", "43", "44", "45", "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57",
			"58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94",
			"95", "98");

	/**
	 * Parse a number such as {@code 13800138000} (China) or {@code +85261234567}.
	 * @param number the number, with a leading {@code +} and country code outside China
	 * @return the phone number
	 */
	static PhoneNumber parse(String number) {
		String compact = number.replaceAll("[\\s-]", "");
		if (!compact.matches("\\+?\\d{4,20}")) {
			throw new IllegalArgumentException("Not a phone number: " + number);
		}
		if (!compact.startsWith("+")) {
			return new PhoneNumber(compact, compact, CHINA);
		}
		String digits = compact.substring(1);
		String countryCode = digits.substring(0, countryCodeLength(digits));
		String pure = digits.substring(countryCode.length());
		return new PhoneNumber(CHINA.equals(countryCode) ? pure : compact, pure, countryCode);
	}

	private static int countryCodeLength(String digits) {
		if (digits.startsWith("1") || digits.startsWith("7")) {
			return 1;
		}
		return TWO_DIGIT_CODES.contains(digits.substring(0, 2)) ? 2 : 3;
	}

}
