package io.github.wxlogin.observability;

/**
 * A refusal of the {@code wxapps} endpoint, in the problem+json shape of the starter's other errors.
 *
 * @param title the status's reason phrase
 * @param status the HTTP status
 * @param code a stable code: the contract's {@code not_found} and {@code invalid_request}, or this
 * operator endpoint's own {@link #CONFLICT} and {@link #READ_ONLY}
 * @param detail what was refused and why, never holding a secret
 */
public record WxAppsProblem(String title, int status, String code, String detail) {

	/** The code of a change the registry refused, such as an AppID registered twice (409). */
	public static final String CONFLICT = "conflict";

	/** The code of a change to a registry without a table, or to an app of the properties (409). */
	public static final String READ_ONLY = "read_only";

}
