package io.github.wxlogin.security;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The character rules of Spring Security's {@link StrictHttpFirewall}, as loops over the code points
 * instead of regular expressions: the firewall checks every header value a filter reads, and the
 * {@code Authorization} header carries an access token of a few hundred characters on every guarded
 * request. Each rule accepts exactly the strings the firewall's default accepts:
 * <ul>
 * <li>header and parameter names: assigned code points that are not control characters (Spring's
 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*});</li>
 * <li>header values: the same, and the horizontal tab (Spring's
 * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}).</li>
 * </ul>
 * A lone surrogate is a code point of its own, assigned and not a control character, as the regular
 * expressions read it. Parameter values stay unchecked, as by default.
 */
public final class FirewallCharacterRules {

	/** Header names: assigned code points, no control character. */
	public static final Predicate<String> HEADER_NAMES = FirewallCharacterRules::isAssignedAndNotControl;

	/** Header values: assigned code points, no control character other than the horizontal tab. */
	public static final Predicate<String> HEADER_VALUES = FirewallCharacterRules::isHeaderValue;

	/** Parameter names: assigned code points, no control character. */
	public static final Predicate<String> PARAMETER_NAMES = FirewallCharacterRules::isAssignedAndNotControl;

	private FirewallCharacterRules() {
	}

	/**
	 * Return a {@link StrictHttpFirewall} with its defaults, whose name and value checks are these rules.
	 * @return the firewall
	 */
	public static StrictHttpFirewall strictHttpFirewall() {
		return applyTo(new StrictHttpFirewall());
	}

	/**
	 * Make a firewall check header names, header values and parameter names with these rules, in place of
	 * its regular expressions; its other settings are left as they are.
	 * @param firewall the firewall
	 * @return the same firewall
	 */
	public static StrictHttpFirewall applyTo(StrictHttpFirewall firewall) {
		firewall.setAllowedHeaderNames(HEADER_NAMES);
		firewall.setAllowedHeaderValues(HEADER_VALUES);
		firewall.setAllowedParameterNames(PARAMETER_NAMES);
		return firewall;
	}

	private static boolean isAssignedAndNotControl(String text) {
		return isAssignedAndNotControl(text, false);
	}

	private static boolean isHeaderValue(String text) {
		return isAssignedAndNotControl(text, true);
	}

	private static boolean isAssignedAndNotControl(String text, boolean tabAllowed) {
		int length = text.length();
		for (int i = 0; i < length;) {
			char c = text.charAt(i);
			// Printable ASCII, nearly every character of a real header: no table lookup
			if ((c >= 0x20 && c < 0x7f) || (tabAllowed && c == '\t')) {
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			if (!isAssignedAndNotControl(codePoint)) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

	private static boolean isAssignedAndNotControl(int codePoint) {
		int type = Character.getType(codePoint);
		return type != Character.UNASSIGNED && type != Character.CONTROL;
	}

}
