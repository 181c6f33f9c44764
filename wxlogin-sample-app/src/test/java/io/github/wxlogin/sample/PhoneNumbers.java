package io.github.wxlogin.sample;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Phone numbers for tests: a number is bound to one user only, and the test classes share the running
 * application and its users.
 */
final class PhoneNumbers {

	private PhoneNumbers() {
	}

	static String unique() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

}
