package io.github.wxlogin;

import java.util.regex.Pattern;

/**
 * Tenants keep accounts apart: every mini program belongs to one, and the account rules (one phone, one
 * unionid, one account) hold inside a tenant only. A back end that never names one serves the
 * {@link #DEFAULT} tenant alone.
 */
public final class WxTenant {

	/** The tenant of every app that names none. */
	public static final String DEFAULT = "default";

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

	private WxTenant() {
	}

	/**
	 * Check a tenant id's form: 1 to 64 letters, digits, {@code _}, {@code .} or {@code -}, starting with a
	 * letter or digit.
	 * @param tenant the tenant id
	 * @return the tenant id
	 * @throws IllegalArgumentException if it has another form
	 */
	public static String requireValid(String tenant) {
		if (!FORMAT.matcher(tenant).matches()) {
			throw new IllegalArgumentException("a tenant id is 1 to 64 letters, digits, '_', '.' or '-'");
		}
		return tenant;
	}

}
