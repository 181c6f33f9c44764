package io.github.wxlogin.autoconfigure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * Finds a {@code ${...}} that nothing resolved. Spring Boot binds such a placeholder as it is, so an
 * unset {@code WX_LOGIN_SECRET} would otherwise become the AppSecret {@code "${WX_LOGIN_SECRET}"}.
 */
final class UnresolvedPlaceholder {

	// The name, without a default: "${WX_SECRET:}" resolves to empty and never stays unresolved
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)");

	private UnresolvedPlaceholder() {
	}

	/**
	 * Return the variable of the first placeholder left in a value.
	 * @param value a bound property value
	 * @return the variable's name, such as {@code WX_LOGIN_SECRET}, or {@code null} when the value holds
	 * no placeholder
	 */
	static @Nullable String variableIn(@Nullable String value) {
		if (value == null) {
			return null;
		}
		Matcher matcher = PLACEHOLDER.matcher(value);
		return matcher.find() ? matcher.group(1).trim() : null;
	}

	/**
	 * Return a value, or {@code null} when it refers to a variable nothing defines, which is logged.
	 * @param property the property
	 * @param value its bound value
	 * @param logger where to say that the value is taken as not set
	 * @return the value, or {@code null}
	 */
	static @Nullable String orMissing(String property, @Nullable String value, Log logger) {
		String variable = variableIn(value);
		if (variable == null) {
			return value;
		}
		logger.warn("'" + property + "' is set to ${" + variable + "}, but '" + variable
				+ "' is not defined: taken as not set. Define '" + variable + "' to use it.");
		return null;
	}

	/**
	 * Return the failure of a required property whose value refers to a variable nothing defines.
	 * @param property the property
	 * @param variable the variable
	 * @return the exception to throw
	 */
	static WxLoginPropertyException failure(String property, String variable) {
		return new WxLoginPropertyException(property, "is set to ${" + variable + "}, but '" + variable
				+ "' is not defined", "Define the environment variable (or property) '" + variable
						+ "' with the value for '" + property + "', or set '" + property + "' directly.");
	}

}
